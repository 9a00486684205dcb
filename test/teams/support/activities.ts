/**
 * Teams activities as Teams sends them to a bot (shapes recorded from Teams and the Agents
 * Playground, ids replaced), built with the stand-in connector's URL as `serviceUrl`.
 */
export const BOT = { id: '28:00000000-0000-0000-0000-00000000b0t1', name: 'Mail flow' };
export const TENANT = '72f988bf-0000-0000-0000-000000000000';

export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

export const ALEX: Person = { id: '29:1alex', name: 'Alex Wilber', aadObjectId: 'aad-alex' };
export const MEGAN: Person = { id: '29:1megan', name: 'Megan Bowen', aadObjectId: 'aad-megan' };

// biome-ignore lint/suspicious/noExplicitAny: activities are JSON payloads posted as they are.
export type Payload = Record<string, any>;

let sequence = 0;
const nextId = () => `1700000${String(++sequence).padStart(6, '0')}`;

interface Common {
  serviceUrl: string;
  from?: Person;
  locale?: string;
  conversation?: Payload;
}

function common({ serviceUrl, from = ALEX, locale = 'en-US', conversation }: Common): Payload {
  return {
    channelId: 'msteams',
    serviceUrl,
    timestamp: '2025-11-24T10:00:00.000Z',
    localTimestamp: '2025-11-24T11:00:00.000+01:00',
    from,
    recipient: BOT,
    conversation: conversation ?? {
      conversationType: 'personal',
      tenantId: TENANT,
      id: `a:1personal-${from.id}`,
    },
    channelData: { tenant: { id: TENANT } },
    locale,
  };
}

const clientInfo = (locale: string) => ({
  type: 'clientInfo',
  locale,
  country: 'US',
  platform: 'Web',
  timezone: 'Europe/Berlin',
});

export function personalMessage(text: string, options: Common): Payload {
  const base = common(options);
  return {
    ...base,
    type: 'message',
    id: nextId(),
    text,
    textFormat: 'plain',
    entities: [clientInfo(base.locale)],
  };
}

export const channelConversation = (rootId?: string): Payload => ({
  isGroup: true,
  conversationType: 'channel',
  tenantId: TENANT,
  id: `19:general0000@thread.tacv2${rootId ? `;messageid=${rootId}` : ''}`,
});

/** A channel post that @mentions the bot; Teams names the thread in the conversation id. */
export function channelMention(
  question: string,
  options: Common & { namesThread?: boolean; rootId?: string },
): Payload {
  const id = nextId();
  const root = options.rootId ?? id;
  const base = common({
    ...options,
    conversation: channelConversation(options.namesThread === false ? undefined : root),
  });
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base,
    type: 'message',
    id,
    ...(options.rootId ? { replyToId: options.rootId } : {}),
    text: `${mention} ${question}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: mention, mentioned: BOT }, clientInfo(base.locale)],
    channelData: {
      tenant: { id: TENANT },
      team: { id: '19:team0000@thread.tacv2' },
      channel: { id: '19:general0000@thread.tacv2' },
      teamsTeamId: '19:team0000@thread.tacv2',
      teamsChannelId: '19:general0000@thread.tacv2',
    },
  };
}

/** What Teams sends for an Action.Submit on a card the bot posted (`replyToId`): the data plus inputs. */
export function cardSubmit(value: unknown, replyToId: string, options: Common): Payload {
  return {
    ...common(options),
    type: 'message',
    id: nextId(),
    replyToId,
    value,
    channelData: { tenant: { id: TENANT }, source: { name: 'message' }, legacy: { replyToId } },
  };
}

export function composeQuery(parameters: { name: string; value: string }[], options: Common): Payload {
  return {
    ...common(options),
    type: 'invoke',
    name: 'composeExtension/query',
    id: `f:${nextId()}`,
    value: { commandId: 'searchErrors', parameters, queryOptions: { skip: 0, count: 25 } },
    channelData: { tenant: { id: TENANT }, source: { name: 'compose' } },
  };
}

export function botAdded(options: Common & { members?: { id: string }[] }): Payload {
  return {
    ...common(options),
    type: 'conversationUpdate',
    id: `f:${nextId()}`,
    membersAdded: options.members ?? [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT }, eventType: 'teamMemberAdded' },
  };
}
