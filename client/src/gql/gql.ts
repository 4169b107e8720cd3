/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      signedOut\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  fragment ViewerFields on Viewer {\n    email\n    isPlatformAdmin\n    person {\n      id\n      displayName\n    }\n    organisation {\n      id\n      name\n      sector\n    }\n    roles\n    memberships {\n      id\n      roles\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      displayName\n      email\n      hasAccount\n      organisationName\n      roles\n      status\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        ...ViewerFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      issued {\n        acceptUrl\n        invitation {\n          id\n          email\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  query OrganisationMembers($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Organisation {\n        name\n        members(first: 50) {\n          totalCount\n          edges {\n            node {\n              id\n              roles\n              jobTitle\n              division\n              person {\n                id\n                displayName\n                email\n              }\n            }\n          }\n        }\n        pendingInvitations {\n          id\n          email\n          displayName\n          roles\n          status\n          expiresAt\n        }\n      }\n    }\n  }\n": typeof types.OrganisationMembersDocument,
    "\n  query Organisations {\n    organisations(first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        slug\n        sector\n        country\n        createdAt\n      }\n    }\n  }\n": typeof types.OrganisationsDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n      }\n      managerInvitation {\n        acceptUrl\n        invitation {\n          id\n          email\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        ...ViewerFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      signedOut\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.LogoutDocument,
    "\n  fragment ViewerFields on Viewer {\n    email\n    isPlatformAdmin\n    person {\n      id\n      displayName\n    }\n    organisation {\n      id\n      name\n      sector\n    }\n    roles\n    memberships {\n      id\n      roles\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n": types.ViewerDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      displayName\n      email\n      hasAccount\n      organisationName\n      roles\n      status\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        ...ViewerFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      issued {\n        acceptUrl\n        invitation {\n          id\n          email\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  query OrganisationMembers($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Organisation {\n        name\n        members(first: 50) {\n          totalCount\n          edges {\n            node {\n              id\n              roles\n              jobTitle\n              division\n              person {\n                id\n                displayName\n                email\n              }\n            }\n          }\n        }\n        pendingInvitations {\n          id\n          email\n          displayName\n          roles\n          status\n          expiresAt\n        }\n      }\n    }\n  }\n": types.OrganisationMembersDocument,
    "\n  query Organisations {\n    organisations(first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        slug\n        sector\n        country\n        createdAt\n      }\n    }\n  }\n": types.OrganisationsDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n      }\n      managerInvitation {\n        acceptUrl\n        invitation {\n          id\n          email\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        ...ViewerFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      signedOut\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      signedOut\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    email\n    isPlatformAdmin\n    person {\n      id\n      displayName\n    }\n    organisation {\n      id\n      name\n      sector\n    }\n    roles\n    memberships {\n      id\n      roles\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    email\n    isPlatformAdmin\n    person {\n      id\n      displayName\n    }\n    organisation {\n      id\n      name\n      sector\n    }\n    roles\n    memberships {\n      id\n      roles\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      displayName\n      email\n      hasAccount\n      organisationName\n      roles\n      status\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      displayName\n      email\n      hasAccount\n      organisationName\n      roles\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        ...ViewerFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        ...ViewerFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      issued {\n        acceptUrl\n        invitation {\n          id\n          email\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      issued {\n        acceptUrl\n        invitation {\n          id\n          email\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationMembers($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Organisation {\n        name\n        members(first: 50) {\n          totalCount\n          edges {\n            node {\n              id\n              roles\n              jobTitle\n              division\n              person {\n                id\n                displayName\n                email\n              }\n            }\n          }\n        }\n        pendingInvitations {\n          id\n          email\n          displayName\n          roles\n          status\n          expiresAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationMembers($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Organisation {\n        name\n        members(first: 50) {\n          totalCount\n          edges {\n            node {\n              id\n              roles\n              jobTitle\n              division\n              person {\n                id\n                displayName\n                email\n              }\n            }\n          }\n        }\n        pendingInvitations {\n          id\n          email\n          displayName\n          roles\n          status\n          expiresAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisations {\n    organisations(first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        slug\n        sector\n        country\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organisations {\n    organisations(first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        slug\n        sector\n        country\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n      }\n      managerInvitation {\n        acceptUrl\n        invitation {\n          id\n          email\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n      }\n      managerInvitation {\n        acceptUrl\n        invitation {\n          id\n          email\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        ...ViewerFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        ...ViewerFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;