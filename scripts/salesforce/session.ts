/**
 * The org session: instance URL, access token and API version. For a real org it comes from
 * the sf CLI's stored auth through @salesforce/core (no credentials of our own); tests build
 * it from a jsforce Connection to a local stand-in.
 */
import { SF_ENV } from '../org/sf';
import { OrgApiError } from './errors';

export interface OrgSession {
  instanceUrl: string;
  accessToken: string;
  apiVersion: string;
  /** Alias or username, for messages. */
  label: string;
}

/** The part of a jsforce Connection the session needs. */
export interface ConnectionLike {
  instanceUrl: string;
  accessToken?: string | null;
  version: string;
}

export function sessionFromConnection(connection: ConnectionLike, label: string): OrgSession {
  if (!connection.accessToken) {
    throw new OrgApiError(`No access token for ${label}: log in with \`sf org login web --alias ${label}\`.`);
  }
  return {
    instanceUrl: connection.instanceUrl.replace(/\/$/, ''),
    accessToken: connection.accessToken,
    apiVersion: connection.version,
    label,
  };
}

export type OrgConnector = (aliasOrUsername: string) => Promise<OrgSession>;

/**
 * Connects with the sf CLI's auth for an alias or username, refreshing the access token first.
 * @param aliasOrUsername the `--target-org` value
 */
export const connectWithSfAuth: OrgConnector = async (aliasOrUsername) => {
  for (const [key, value] of Object.entries(SF_ENV)) {
    process.env[key] ??= value;
  }
  const { Org } = await import('@salesforce/core');
  try {
    const org = await Org.create({ aliasOrUsername });
    const connection = org.getConnection();
    await connection.refreshAuth();
    return sessionFromConnection(connection, aliasOrUsername);
  } catch (error) {
    const message = (error as Error).message.replace(/\.+$/, '');
    throw new OrgApiError(
      `Cannot use org ${aliasOrUsername}: ${message}. Authorize it with \`sf org login web --alias ${aliasOrUsername}\` ` +
        '(or `sf org list` to see the orgs the sf CLI knows).',
      (error as { name?: string }).name,
    );
  }
};
