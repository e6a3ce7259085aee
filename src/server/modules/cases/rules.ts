import { stockholmDate } from "../../../domain/time";
import { badRequest, conflict } from "../../platform/errors";

/** A recorded time may be neither in the future nor before the event it follows. */
export function requireWithin(value: Date, notBefore: Date, now: Date, path: string, beforeWhat: string): void {
  if (value.getTime() > now.getTime()) {
    throw badRequest("in_future", "Tidpunkten ligger i framtiden / The time is in the future", [
      { path, message: "Framtida tidpunkt" },
    ]);
  }
  if (value.getTime() < notBefore.getTime()) {
    throw badRequest("before_previous_step", `Tidpunkten ligger före ${beforeWhat} / The time is before ${beforeWhat}`, [
      { path, message: `Före ${beforeWhat}` },
    ]);
  }
}

export function requireDayWithin(value: string, notBefore: string, now: Date, path: string, beforeWhat: string): void {
  if (value > stockholmDate(now)) {
    throw badRequest("in_future", "Datumet ligger i framtiden / The date is in the future", [
      { path, message: "Framtida datum" },
    ]);
  }
  if (value < notBefore) {
    throw badRequest("before_previous_step", `Datumet ligger före ${beforeWhat} / The date is before ${beforeWhat}`, [
      { path, message: `Före ${beforeWhat}` },
    ]);
  }
}

export const outOfOrder = (message: string, path = "body") => conflict("out_of_order", message, [{ path, message }]);
