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
    viewerCanComment
  }
`);


export const SubmitChangeMutation = graphql(`
  mutation SubmitChange($input: ChangeActionInput!) {
    submitChange(input: $input) {
      change {
        ...ChangeDetail
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const StartChangeMutation = graphql(`
  mutation StartChange($input: ChangeActionInput!) {
    startChange(input: $input) {
      change {
        ...ChangeDetail
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const DecideChangeMutation = graphql(`
  mutation DecideChange($input: DecideChangeInput!) {
    decideChange(input: $input) {
      change {
        ...ChangeDetail
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ReviseChangeMutation = graphql(`
  mutation ReviseChange($input: ReviseChangeInput!) {
    reviseChange(input: $input) {
      change {
        ...ChangeDetail
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ReportProgressMutation = graphql(`
  mutation ReportChangeProgress($input: ReportChangeProgressInput!) {
    reportChangeProgress(input: $input) {
      change {
        ...ChangeDetail
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const AdoptChangeMutation = graphql(`
  mutation AdoptChange($input: AdoptChangeInput!) {
    adoptChange(input: $input) {
      change {
        ...ChangeDetail
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const WithdrawChangeMutation = graphql(`
  mutation WithdrawChange($input: WithdrawChangeInput!) {
    withdrawChange(input: $input) {
      change {
        ...ChangeDetail
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
