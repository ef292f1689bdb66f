// In vitest's browser mode: this file runs in Chromium. The mock's worker answers the SDK's fetch, and
// the test reads the dashboard's DOM and plans a fault, as a component test of a real app would.
import { DeadlineClient } from "@aws-sdk/client-deadline";
import { expect, test } from "vitest";
import { mountDashboard } from "./src/dashboard.js";
import { startMock } from "./src/mock.js";

test("the dashboard shows the mocked farm, then the error state of a planned fault", async () => {
  const { mock, config } = await startMock("worker");
  const root = document.body.appendChild(document.createElement("div"));
  const dashboard = mountDashboard(root, new DeadlineClient(config));
  await dashboard.refresh();
  expect([...root.querySelectorAll("section.farm h2")].map((h) => h.textContent)).toEqual(["Feature film"]);
  expect(root.querySelector('tr[data-job="Shot 010 beauty"] .status')?.getAttribute("data-status")).toBe("SUCCEEDED");
  expect(navigator.serviceWorker.controller?.scriptURL).toMatch(/\/mockServiceWorker\.js$/);

  mock.fault("deadline:ListFarms", { error: "AccessDeniedException" });
  await dashboard.refresh();
  expect(root.querySelector("[role=alert]")?.textContent).toMatch(/^Could not load the farms\. AccessDeniedException: /);
  expect(mock.callsTo("deadline:ListFarms").map((c) => c.status)).toEqual([200, 403]);
});
