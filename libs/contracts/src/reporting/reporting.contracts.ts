import { defineEvent, EventContract } from '../event-contract';
import {
  DigestDeliveryFailedData,
  DigestDispatchedData,
  NotificationPreferencesSetData,
  NotificationsReadData,
  ReportAmendedData,
  ReportingPeriodOpenedData,
  ReportsAggregatedData,
  ReportSubmittedData,
} from './reporting.events';

export const REPORTING_CONTEXT = 'reporting';

export const REPORTING_EVENTS = {
  ReportingPeriodOpened: 'reporting.ReportingPeriodOpened',
  ReportSubmitted: 'reporting.ReportSubmitted',
  ReportAmended: 'reporting.ReportAmended',
  ReportsAggregated: 'reporting.ReportsAggregated',
  NotificationPreferencesSet: 'reporting.NotificationPreferencesSet',
  NotificationsRead: 'reporting.NotificationsRead',
  DigestDispatched: 'reporting.DigestDispatched',
  DigestDeliveryFailed: 'reporting.DigestDeliveryFailed',
} as const;

const E = REPORTING_EVENTS;
const v1 = <T>(type: string, dataClass: new () => T, description: string) =>
  defineEvent(REPORTING_CONTEXT, type, 1, dataClass, description);

export const REPORTING_CONTRACTS: EventContract[] = [
  v1(E.ReportingPeriodOpened, ReportingPeriodOpenedData, 'A reporting period opened with per-level deadlines'),
  v1(E.ReportSubmitted, ReportSubmittedData, "A unit's report for a period, flagged late past its level's deadline"),
  v1(E.ReportAmended, ReportAmendedData, 'A submitted report corrected, with a reason'),
  v1(E.ReportsAggregated, ReportsAggregatedData, "A standing body summed its children's reports"),
  v1(
    E.NotificationPreferencesSet,
    NotificationPreferencesSetData,
    "A person's notification channels, kinds, digest hour and reminder days",
  ),
  v1(E.NotificationsRead, NotificationsReadData, 'A person marked notifications as read'),
  v1(E.DigestDispatched, DigestDispatchedData, "A person's daily digest e-mail handed to the mail server (one per person per day)"),
  v1(E.DigestDeliveryFailed, DigestDeliveryFailedData, 'The mail server refused a daily digest; a later run that day tries again'),
];
