// Tokens and namespaces. A token belongs to a user; it may write to the user's namespace and to
// the user's orgs when its role is `write`.
import type { IncomingMessage } from 'node:http';
import { HubError } from './http-util';

export interface HubUser {
  name: string;
  orgs?: string[];
}

export interface TokenGrant {
  user: HubUser;
  role: 'read' | 'write';
}

export class Auth {
  constructor(private readonly tokens: Map<string, TokenGrant>) {}

  /** The caller, undefined when anonymous; 401 for a token the Hub does not know. */
  caller(req: IncomingMessage): TokenGrant | undefined {
    const header = req.headers.authorization;
    if (header === undefined) return undefined;
    const match = /^Bearer (.+)$/.exec(header);
    const grant = match ? this.tokens.get(match[1]) : undefined;
    if (!grant) throw new HubError(401, 'Invalid credentials in Authorization header');
    return grant;
  }

  requireCaller(req: IncomingMessage): TokenGrant {
    const grant = this.caller(req);
    if (!grant) throw new HubError(401, 'You must be authenticated to access this resource');
    return grant;
  }

  canRead(grant: TokenGrant | undefined, namespace: string): boolean {
    return (
      grant !== undefined && (grant.user.name === namespace || (grant.user.orgs ?? []).includes(namespace))
    );
  }

  requireWrite(req: IncomingMessage, namespace: string): TokenGrant {
    const grant = this.requireCaller(req);
    if (!this.canRead(grant, namespace) || grant.role !== 'write') {
      throw new HubError(403, `You don't have the rights to write to ${namespace}`);
    }
    return grant;
  }
}
