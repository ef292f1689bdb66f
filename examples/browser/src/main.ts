import { DeadlineClient } from "@aws-sdk/client-deadline";
import type { AwsMock } from "aws-sdk-contracts/handlers";
import { mountDashboard } from "./dashboard.js";
import { startMock } from "./mock.js";

// `?transport=direct` gives the SDK the mock's request handler; by default msw's service worker answers its fetch.
const transport = new URLSearchParams(location.search).get("transport") === "direct" ? "direct" : "worker";
const { mock, config } = await startMock(transport);
// The browser test (or a person at the console) plans faults and reads the call log here.
(window as unknown as { awsMock: AwsMock }).awsMock = mock;
const dashboard = mountDashboard(document.getElementById("app")!, new DeadlineClient(config));
await dashboard.refresh();
document.body.dataset.ready = transport;
