/** Static fake credentials in the documented example format: never real, never looked up. */
export const testCredentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}

/** The SDK's retry strategy contract (`RetryStrategyV2`), retrying throttling and transient errors without waiting. */
export function noDelayRetryStrategy(maxAttempts: number) {
  const token = (count: number): RetryToken => ({ getRetryCount: () => count, getRetryDelay: () => 0 });
  return {
    mode: "standard",
    acquireInitialRetryToken: async () => token(0),
    refreshRetryTokenForRetry: async (previous: RetryToken, errorInfo: { errorType?: string }) => {
      const retryable = errorInfo.errorType === "THROTTLING" || errorInfo.errorType === "TRANSIENT";
      if (!retryable || previous.getRetryCount() + 1 >= maxAttempts) throw new Error("No retry token available");
      return token(previous.getRetryCount() + 1);
    },
    recordSuccess: () => {},
  };
}

/**
 * Client settings for fast tests: a region, fake credentials, and the SDK's retry rules without the backoff wait.
 * @example new GlueClient(testClientConfig({ maxAttempts: 3 }))
 */
export function testClientConfig({ region = "us-west-2", maxAttempts = 3 }: { region?: string; maxAttempts?: number } = {}) {
  return { region, credentials: testCredentials, maxAttempts, retryStrategy: noDelayRetryStrategy(maxAttempts) };
}
