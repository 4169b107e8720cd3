import { graphql } from '../../gql';

/** Everything the change page shows; every workflow action returns it, so the page updates in place. */
export const ChangeDetailFields = graphql(`
  fragment ChangeDetail on Change {
    id
    title
    whatChanges
    expectedImpact
    targetDate
    status
    isSentBack
    progress
    version
    isOverdue
    decisionDueOn
    isDecisionOverdue
    createdAt
    submittedAt
    updatedAt
    withdrawnReason
    successMeasures {
      metric
      unit
      baseline
      target
      current
    }
    adoptionEvidence {
      policyOrProcess
      effectiveFrom
      link
      summary
    }
    barrier {
      id
      title
      status
      organisation {
        id
      }
    }
    owner {
      id
      displayName
    }
    pair {
      id
      senior {
        id
        displayName
      }
      junior {
        id
        displayName
      }
    }
    latestDecision {
      id
      outcome
      rationale
      decidedAt
    }
    history {
      kind
      actorName
      fromStatus
      toStatus
      outcome
      rationale
      progress
      note
      at
      newOwner {
        id
        displayName
      }
      confirmedAs
      sponsorReason
      inForce
    }
    adoptionConfirmation {
      confirmer
      reason
    }
    adoptedAt
    sustainment {
      ...SustainmentDetail
    }
    comments {
      id
      authorName
      body
      createdAt
    }
    commentCount
    viewerCanRevise
    viewerCanSubmit
    viewerCanDecide
    viewerCanStart
    viewerCanReportProgress
    viewerCanAdopt
    viewerCanWithdraw
    viewerCanReassignOwner
    viewerCanComment
    viewerCanConfirmAdoption
    viewerCanRecordReview
  }
`);

/** After adoption: the reviews and each measure's series, for the change page (and the board report). */
export const SustainmentDetailFields = graphql(`
  fragment SustainmentDetail on ChangeSustainment {
    state
    nextReviewDueOn
    inForceAtMonths
    reviews {
      months
      dueOn
      recordedOn
      inForce
      note
      isMissed
      isCancelled
    }
    measures {
      ...MeasureSeriesFields
    }
  }
`);

export const MeasureSeriesFields = graphql(`
  fragment MeasureSeriesFields on MeasureSeries {
    metric
    unit
    baseline
    target
    points {
      kind
      label
      value
      on
    }
  }
`);

export const ConfirmAdoptionMutation = graphql(`
  mutation ConfirmAdoption($input: ConfirmAdoptionInput!) {
    confirmAdoption(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const DeclineAdoptionMutation = graphql(`
  mutation DeclineAdoption($input: DeclineAdoptionInput!) {
    declineAdoption(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const RecordSustainmentReviewMutation = graphql(`
  mutation RecordSustainmentReview($input: RecordSustainmentReviewInput!) {
    recordSustainmentReview(input: $input) {
      ...ChangeActionResult
    }
  }
`);


/** What every workflow action returns: the change as it now is, or why it was refused. */
export const ChangeActionResultFields = graphql(`
  fragment ChangeActionResult on ChangePayload {
    change {
      ...ChangeDetail
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const SubmitChangeMutation = graphql(`
  mutation SubmitChange($input: ChangeActionInput!) {
    submitChange(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const StartChangeMutation = graphql(`
  mutation StartChange($input: ChangeActionInput!) {
    startChange(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const DecideChangeMutation = graphql(`
  mutation DecideChange($input: DecideChangeInput!) {
    decideChange(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const ReviseChangeMutation = graphql(`
  mutation ReviseChange($input: ReviseChangeInput!) {
    reviseChange(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const ReportProgressMutation = graphql(`
  mutation ReportChangeProgress($input: ReportChangeProgressInput!) {
    reportChangeProgress(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const AdoptChangeMutation = graphql(`
  mutation AdoptChange($input: AdoptChangeInput!) {
    adoptChange(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const WithdrawChangeMutation = graphql(`
  mutation WithdrawChange($input: WithdrawChangeInput!) {
    withdrawChange(input: $input) {
      ...ChangeActionResult
    }
  }
`);

export const ReassignChangeOwnerMutation = graphql(`
  mutation ReassignChangeOwner($input: ReassignChangeOwnerInput!) {
    reassignChangeOwner(input: $input) {
      ...ChangeActionResult
    }
  }
`);
