/**
 * The fixed parts of SCIM 2.0 (RFC 7643, RFC 7644) that we speak: schema URNs, the error
 * message, the discovery documents, and the filters and PATCH paths we understand.
 */
export const SCHEMA = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

export const MAX_RESULTS = 100;

/** An RFC 7644 §3.12 error: the status, and a scimType where the RFC names one. */
export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 500,
    readonly detail: string,
    readonly scimType?: 'invalidFilter' | 'invalidSyntax' | 'invalidPath' | 'invalidValue' | 'uniqueness' | 'mutability' | 'noTarget',
  ) {
    super(detail);
  }

  toJSON() {
    return { schemas: [SCHEMA.error], status: String(this.status), ...(this.scimType ? { scimType: this.scimType } : {}), detail: this.detail };
  }
}

/** `userName eq "x"` or `externalId eq "x"`: what provisioning clients send to find a person before creating them. */
export function parseFilter(filter: string): { attribute: 'userName' | 'externalId'; value: string } {
  const match = /^\s*(userName|externalId)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (!match) throw new ScimError(400, 'Only filters of the form userName eq "…" or externalId eq "…" are supported.', 'invalidFilter');
  const attribute = match[1].toLowerCase() === 'username' ? 'userName' : 'externalId';
  return { attribute, value: match[2].replace(/\\(.)/g, '$1') };
}

/** SCIM booleans arrive as JSON booleans, or (from Entra) as the strings "True" and "False". */
export function scimBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimError(400, `${attribute} must be true or false.`, 'invalidValue');
}

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SCHEMA.serviceProviderConfig],
    documentationUri: `${baseUrl.replace(/\/scim\/v2$/, '')}/`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: "The organisation's provisioning token, made on its Sign-in page.", primary: true },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function userResourceType(baseUrl: string) {
  return {
    schemas: [SCHEMA.resourceType],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'A member of the organisation',
    schema: SCHEMA.user,
    schemaExtensions: [{ schema: SCHEMA.enterprise, required: false }],
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
  };
}

const attribute = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'string',
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

export function schemas(baseUrl: string) {
  return [
    {
      schemas: [SCHEMA.schema],
      id: SCHEMA.user,
      name: 'User',
      description: 'A member of the organisation. Only these attributes are kept; others sent are ignored.',
      attributes: [
        attribute('userName', { required: true, uniqueness: 'server', description: 'The work email address.' }),
        attribute('displayName'),
        { ...attribute('name', { type: 'complex' }), subAttributes: [attribute('formatted'), attribute('givenName'), attribute('familyName')] },
        { ...attribute('emails', { type: 'complex', multiValued: true }), subAttributes: [attribute('value'), attribute('type'), attribute('primary', { type: 'boolean' })] },
        attribute('title', { description: "Job title: the member's job title here." }),
        attribute('active', { type: 'boolean', description: 'False removes access at once; true restores it.' }),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCHEMA.user}` },
    },
    {
      schemas: [SCHEMA.schema],
      id: SCHEMA.enterprise,
      name: 'EnterpriseUser',
      description: 'Enterprise User',
      attributes: [attribute('department', { description: "The member's division here." })],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCHEMA.enterprise}` },
    },
  ];
}
