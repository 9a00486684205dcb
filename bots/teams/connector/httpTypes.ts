/**
 * The HTTP client types of botframework-connector's ConnectorClient (the @azure/core-http style
 * `HttpClient`, `WebResourceLike`, `HttpHeadersLike`), named from its own options type so that no
 * transitive package is imported.
 */
import type { ConnectorClientOptions } from 'botframework-connector';

export type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
export type ConnectorRequest = Parameters<ConnectorHttpClient['sendRequest']>[0];
export type ConnectorResponse = Awaited<ReturnType<ConnectorHttpClient['sendRequest']>>;
export type HeadersLike = ConnectorResponse['headers'];
