import { graphql } from '../../gql';

export const DashboardFields = graphql(`
  fragment DashboardFields on Dashboard {
    title
    access
    asOf
    smallGroupNote
    organisation {
      id
      name
    }
    funnel {
      steps {
        stage
        unit
        label
        count
        conversionRate
      }
      rejected
      withdrawn
      adoptionRate
      byStatus {
        status
        count
      }
    }
    timeToAdoption {
      stage
      medianDays
      changes
    }
    overdueByOwner {
      owner {
        id
        displayName
      }
      overdueCount
      oldestTargetDate
      maxDaysOverdue
    }
    overdueChanges {
      changeId
      title
      status
      targetDate
      daysOverdue
      owner {
        id
        displayName
      }
    }
    barriersByCategory {
      category
      barriers
    }
    barriersByAffectedGroup {
      group
      barriers
    }
    mostCorroboratedBarriers {
      barrierId
      title
      category
      corroborations
      divisions
      changes
    }
    pairActivity {
      pairCount
      activePairCount
      quietPairCount
      sessionsLogged
      sessionsExpected
      pairs(first: 100) {
        pairId
        status
        cadence
        sessionsLogged
        sessionsExpected
        conversations
        shadowing
        groupSessions
        lastSessionOn
        daysSinceLastSession
        quiet
        lastNudgedAt
        senior {
          id
          displayName
        }
        junior {
          id
          displayName
        }
      }
    }
    programmes {
      programmeId
      name
      status
      pairs
      barriers
      changes
      adopted
    }
  }
`);

export const OrganisationDashboardQuery = graphql(`
  query OrganisationDashboard($organisationId: ID) {
    organisationDashboard(organisationId: $organisationId) {
      ...DashboardFields
    }
  }
`);

export const ProgrammeDashboardQuery = graphql(`
  query ProgrammeDashboard($programmeId: ID!) {
    programmeDashboard(programmeId: $programmeId) {
      ...DashboardFields
    }
  }
`);

export const QuestionnaireFields = graphql(`
  fragment QuestionnaireFields on Questionnaire {
    id
    title
    status
    phase
    programmeId
    programmeName
    openedAt
    closedAt
    viewerGroup
    viewerCanRespond
    viewerHasResponded
    viewerCanManage
    questions {
      key
      kind
      prompt
    }
  }
`);

export const ItemFigureFields = graphql(`
  fragment ItemFigureFields on ItemFigure {
    group
    shown
    respondents
    agreedPercent
    distribution
    answers
    note
  }
`);

export const ResultsFields = graphql(`
  fragment ResultsFields on QuestionnaireResults {
    threshold
    eligibleCount
    respondentCount
    questions {
      question {
        key
        kind
        prompt
      }
      overall {
        ...ItemFigureFields
      }
      senior {
        ...ItemFigureFields
      }
      junior {
        ...ItemFigureFields
      }
    }
  }
`);

export const GroupChangeFields = graphql(`
  fragment GroupChangeFields on GroupChange {
    group
    shown
    fromRespondents
    toRespondents
    fromAgreedPercent
    toAgreedPercent
    change
    note
  }
`);

export const ComparisonFields = graphql(`
  fragment ComparisonFields on QuestionnaireComparison {
    threshold
    note
    from {
      id
      title
      phase
    }
    to {
      id
      title
      phase
    }
    questions {
      question {
        key
        prompt
      }
      overall {
        ...GroupChangeFields
      }
      senior {
        ...GroupChangeFields
      }
      junior {
        ...GroupChangeFields
      }
    }
  }
`);

export const BoardReportQuery = graphql(`
  query BoardReport($programmeId: ID!) {
    programmeDashboard(programmeId: $programmeId) {
      ...DashboardFields
      adoptedChanges(first: 50) {
        changeId
        title
        adoptedAt
        barrierTitle
        barrierCategory
        owner {
          id
          displayName
        }
        evidence {
          policyOrProcess
          effectiveFrom
          link
          summary
        }
        successMeasures {
          metric
          unit
          baseline
          target
          current
        }
        sustainment {
          state
          inForceAtMonths
          measures {
            ...MeasureSeriesFields
          }
        }
      }
      sustainment {
        programmeId
        name
        adopted
        points {
          months
          reviewed
          inForce
          missed
          index
        }
      }
      questionnaire {
        ...QuestionnaireFields
        results {
          ...ResultsFields
        }
      }
      evaluationChange {
        ...ComparisonFields
      }
    }
  }
`);
