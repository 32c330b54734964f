#pragma once

#include "domain/business.h"
#include "domain/clock.h"
#include "domain/incident.h"
#include "domain/incidentaction.h"
#include "domain/incidentrole.h"
#include "domain/postmortem.h"
#include "domain/resolvechecklist.h"
#include "domain/rollcall.h"
#include "domain/roster.h"
#include "domain/timelineentry.h"
#include "exchange/incidentdocument.h"
#include "storesession.h"
#include "timers/timer.h"
#include "timers/timerdefaults.h"

#include <QObject>
#include <QSet>

#include <functional>

namespace cp {

class ServerAddress;
class WriteTransaction;
struct ReplaySource;

// The only writer of incident state. Every mutation is one method and one transaction,
// committed with WAL and synchronous=FULL before the method returns success. Afterwards the
// store announces what changed through typed signals; changes committed by other processes
// (the CLI, a second writer) are announced the same way once noticed.
class IncidentStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentStore)

public:
    using OpenMode = StoreSession::OpenMode;
    using Options = StoreSession::Options;
    using Stats = StoreSession::Stats;

    explicit IncidentStore(const Clock &clock, QObject *parent = nullptr);
    ~IncidentStore() override;

    static QString defaultPath() { return StoreSession::defaultPath(); }

    StoreSession &session() { return m_session; }
    const StoreSession &session() const { return m_session; }
    StoreError open(const QString &path, const Options &options) { return m_session.open(path, options); }
    StoreError open(const QString &path) { return open(path, Options{}); }
    // Team mode: the CommandPost schema on a PostgreSQL server (StoreSession::openServer).
    StoreError openServer(const ServerAddress &address, const Options &options)
    {
        return m_session.openServer(address, options);
    }
    bool isServer() const { return m_session.isServer(); }
    void close() { m_session.close(); }
    bool isOpen() const { return m_session.isOpen(); }
    bool isReadOnly() const { return m_session.isReadOnly(); }
    QString path() const { return m_session.path(); }
    const Clock &clock() const { return m_clock; }

    // Incidents
    Result<qint64> createIncident(const NewIncident &incident, const QString &author);
    StoreError setSeverity(qint64 incidentId, Severity severity, const QString &author);
    // Resolved goes through resolveIncident (without acknowledgements); a resolved incident changes
    // status only through reopenIncident.
    StoreError setStatus(qint64 incidentId, IncidentStatus status, const QString &author);
    StoreError setDetails(qint64 incidentId, const QString &title, const QString &summary, const QString &author);
    Result<Incident> incident(qint64 incidentId) const;
    Result<QList<Incident>> incidents() const; // open ones first, newest first

    // Timeline
    Result<qint64> appendEntry(const NewEntry &entry);
    Result<QList<qint64>> appendEntries(const QList<NewEntry> &entries); // all or nothing
    StoreError amendEntry(qint64 entryId, const EntryAmendment &amendment, const QString &author);
    StoreError setRetracted(qint64 entryId, bool retracted, const QString &author);
    Result<TimelineEntry> entry(qint64 entryId) const;
    Result<QList<EntryRevision>> entryHistory(qint64 entryId) const; // oldest first, current last
    Result<QList<TimelineEntry>> entries(const TimelinePage &page) const;
    Result<bool> entryMatches(qint64 entryId, const TimelineFilter &filter) const;
    Result<QStringList> authors(qint64 incidentId) const;

    // Roles and assignments (incidentstore_roles.cpp). Roles are found by their key within
    // the incident; every change is logged on the timeline as a role entry.
    // Adds the template's roles the incident does not have yet; its top roles go under
    // linkUnderRoleKey when given (a business tree under the technical IC).
    StoreError applyTemplate(qint64 incidentId, const RoleTemplate &roles, const QString &linkUnderRoleKey,
                             const QString &author);
    Result<qint64> addRole(qint64 incidentId, const RoleDefinition &role, const QString &author);
    // A sub-team (Alpha, Bravo …): a lead role reporting to the command role and a members role.
    StoreError addSubTeam(qint64 incidentId, const QString &name, const QString &author);
    Result<qint64> assign(qint64 incidentId, const QString &roleKey, qint64 personId, const QString &author);
    // Ends fromPersonId's stretch (0: the only holder) and starts toPersonId's, in one step.
    StoreError handOver(qint64 incidentId, const QString &roleKey, qint64 fromPersonId, qint64 toPersonId,
                        const QString &author);
    StoreError release(qint64 incidentId, const QString &roleKey, qint64 personId, const QString &author);
    // The Deputy becomes the commander; the outgoing commander becomes Deputy or is released.
    StoreError takeCommand(qint64 incidentId, bool outgoingBecomesDeputy, const QString &author);
    StoreError setDutyDone(qint64 dutyId, bool done, const QString &author);
    Result<QList<IncidentRole>> roles(qint64 incidentId) const; // parents before children
    Result<IncidentRole> role(qint64 roleId) const;
    Result<QList<Assignment>> assignmentHistory(qint64 incidentId) const; // oldest first
    Result<QList<RoleDuty>> duties(qint64 roleId) const;

    // The roster and the directory (incidentstore_roster.cpp)
    Result<qint64> addPerson(const Person &person);
    StoreError updatePerson(const Person &person);
    Result<qint64> saveDepartment(const Department &department); // by key: insert or update
    // Inserts or updates by handle / key; all or nothing. Returns how many rows changed.
    Result<int> importRoster(const QList<Department> &departments, const QList<Person> &people);
    Result<QList<Person>> people() const; // by name
    Result<Person> person(qint64 personId) const;
    // By handle, then by full name, then by a unique start of either (case-insensitive).
    Result<Person> findPerson(const QString &handleOrName) const;
    Result<QList<Department>> departments() const;

    // ---- Business incident mode (incidentstore_business.cpp) -------------------------------
    // Every change is a communication entry on the timeline tagged "business". Mode, briefing,
    // audiences and skipped cells announce businessChanged(incidentId); the checklist
    // activityChanged, messages messageChanged, departments told noticeChanged, inbound
    // questions inboundChanged.
    // Switches the business to emergency operations (the default checklist of outbound
    // activities to halt); adds the business roles when given. Refused when already declared.
    StoreError declareBusinessMode(qint64 incidentId, const BusinessDeclaration &declaration, const QString &author);
    Result<qint64> addBusinessActivity(qint64 incidentId, const NewActivity &activity, const QString &author);
    StoreError haltActivity(qint64 activityId, const QString &author);    // only in emergency operations
    StoreError restartActivity(qint64 activityId, const QString &author); // only after returnToNormal
    // Takes the last tick back (undo): a restart while restoring, a halt while in emergency.
    StoreError withdrawActivityTick(qint64 activityId, const QString &author);
    // Emergency → restoring; when no halted activity is left to restart the business is back to
    // normal (all clear) and the 24-hour preliminary analysis countdown starts.
    StoreError returnToNormal(qint64 incidentId, const QString &author);
    StoreError setBusinessAudiences(qint64 incidentId, const QStringList &audiences, const QString &author);
    StoreError answerBriefing(qint64 incidentId, const QString &questionKey, const QString &answer,
                              const QString &author);
    // A message enters the chain at the Legal Officer's review; one message per audience and phase.
    Result<qint64> draftMessage(const NewMessage &draft, const QString &author);
    // A new version (the earlier ones are kept); the chain starts again at the legal review.
    StoreError reviseMessage(qint64 messageId, const QString &text, const QString &channel, const QString &author);
    // Takes the step the message waits for, and only that one: any other step is refused.
    StoreError advanceMessage(qint64 messageId, MessageStep step, StepVerdict verdict, const QString &comment,
                              const QString &author);
    StoreError skipCell(qint64 incidentId, const QString &audience, const QString &phase, const QString &reason,
                        const QString &author);
    StoreError unskipCell(qint64 incidentId, const QString &audience, const QString &phase, const QString &author);
    // departmentKey: a department's key or name from the directory.
    Result<qint64> notifyDepartment(qint64 incidentId, const QString &departmentKey, const QString &method,
                                    const QString &note, const QString &author);
    StoreError withdrawNotice(qint64 noticeId, const QString &author); // undo
    Result<qint64> logInbound(qint64 incidentId, const QString &channel, const QString &from, const QString &question,
                              const QString &author);
    StoreError answerInbound(qint64 questionId, const QString &answer, const QString &author);
    Result<std::optional<BusinessMode>> businessMode(qint64 incidentId) const;   // nullopt: not declared
    Result<QList<BusinessActivity>> businessActivities(qint64 incidentId) const; // checklist order
    Result<BusinessActivity> businessActivity(qint64 activityId) const;
    Result<QList<BriefingAnswer>> briefingAnswers(qint64 incidentId) const; // in question order
    Result<QList<Message>> messages(qint64 incidentId) const;               // oldest first, without versions and steps
    Result<Message> message(qint64 messageId) const;                        // with earlier versions and every step
    Result<QList<SkippedCell>> skippedCells(qint64 incidentId) const;
    Result<QList<StakeholderNotice>> stakeholderNotices(qint64 incidentId) const; // oldest first
    Result<QList<InboundQuestion>> inboundQuestions(qint64 incidentId) const;     // oldest first
    // ---- end of business incident mode -----------------------------------------------------

    // ---- Timers (incidentstore_timers.cpp) ------------------------------------------------
    // Deadlines are absolute UTC instants computed from the injected clock. Every start,
    // expiry, acknowledgement, snooze, pause, resume, restart and cancel is a Timer entry on
    // the timeline; each command announces timerChanged(incidentId, timerId).
    Result<qint64> startCountdown(qint64 incidentId, const QString &label, qint64 durationMs,
                                  const TimerOptions &options, const QString &author);
    Result<qint64> startCadence(qint64 incidentId, const QString &label, qint64 periodMs, const TimerOptions &options,
                                const QString &author);
    Result<qint64> startStopwatch(qint64 incidentId, const QString &label, const TimerOptions &options,
                                  const QString &author);
    // The SEV-dependent defaults of TimerDefaults, all in one transaction. A default the
    // incident already runs (not cancelled) is not started twice. Returns the new timers' ids.
    Result<QList<qint64>> startDefaultTimers(qint64 incidentId, Severity severity, const QString &author);
    // The same for a list of defaults of the caller's choosing (e.g. with the user's overrides
    // applied: TimerDefaults::forSeverity(severity, overrides)).
    Result<QList<qint64>> startDefaultTimers(qint64 incidentId, const QList<TimerDefault> &defaults,
                                             const QString &author);
    StoreError pauseTimer(qint64 timerId, const QString &author);               // time left is frozen
    StoreError resumeTimer(qint64 timerId, const QString &author);              // deadline = now + time left
    StoreError snoozeTimer(qint64 timerId, int minutes, const QString &author); // deadline = now + N min
    // Countdown: done. Cadence: next deadline on the schedule's grid after now (missed periods
    // are skipped, never owed); past its end the cadence is done.
    StoreError acknowledgeTimer(qint64 timerId, const QString &author);
    // Countdown: now + duration. Cadence: a new schedule from now (now + period). Stopwatch: from now.
    StoreError restartTimer(qint64 timerId, const QString &author);
    StoreError cancelTimer(qint64 timerId, const QString &author);
    // Logs the expiry of the current deadline once, dated at the deadline, by whoever notices
    // first. True when this call logged it; false when it was already logged or is not due.
    Result<bool> markExpired(qint64 timerId, const QString &author = QString());
    Result<QList<Timer>> timers(qint64 incidentId) const; // in start order
    Result<QList<Timer>> liveTimers() const;              // running or paused, every incident
    Result<Timer> timer(qint64 timerId) const;
    // ---- end of timers ---------------------------------------------------------------------

    // ---- Roll call, actions and decisions (incidentstore_rollcall.cpp) ----------------------
    // A round takes its items from the roles as they are held now (one item per holder of a role
    // several people hold); the previous open round is closed first. Each answer, miss, skip and
    // dismissal is a roll-call entry on the timeline; closing a round logs its summary (who
    // reported what, who was missed). Items still pending when a round closes count as missed.
    Result<qint64> startRollCall(qint64 incidentId, const RollCallSelection &selection, const QString &author);
    StoreError answerRollCallItem(qint64 itemId, const CanReport &report, const QString &author);
    // NoAnswer (it goes on the missed list), Skipped, or Pending (takes a mark back).
    StoreError markRollCallItem(qint64 itemId, RollCallItemState state, const QString &author);
    StoreError dismissMissedItem(qint64 itemId, const QString &author); // off the Deputy's list
    StoreError endRollCall(qint64 rollCallId, const QString &author);
    Result<QList<RollCall>> rollCalls(qint64 incidentId) const; // oldest first
    Result<RollCall> rollCall(qint64 rollCallId) const;
    Result<QList<RollCallItem>> rollCallItems(qint64 incidentId) const; // every round, in call order
    Result<QList<RollCallItem>> rollCallRound(qint64 rollCallId) const; // one round, in call order
    Result<RollCallItem> rollCallItem(qint64 itemId) const;

    // Actions: every change is an action entry on the timeline. From a roll-call item, an
    // action with no text of its own takes the item's Needs.
    Result<qint64> addAction(const NewAction &action, const QString &author);
    StoreError updateAction(qint64 actionId, const ActionChange &change, const QString &author);
    Result<QList<IncidentAction>> actions(qint64 incidentId) const; // open first, then in order
    Result<IncidentAction> action(qint64 actionId) const;

    // Decisions: the proposal, the objections check and the outcome, as a decision entry.
    Result<qint64> addDecision(const NewDecision &decision, const QString &author);
    Result<QList<Decision>> decisions(qint64 incidentId) const; // oldest first
    Result<Decision> decision(qint64 decisionId) const;
    // ---- end of roll call --------------------------------------------------------------------

    // ---- Resolving and reopening (incidentstore_resolve.cpp) ---------------------------------
    // A resolved incident's record is closed: every write to it is refused, except naming the
    // postmortem's owner, its follow-up actions, and reopening it.
    // What is still open (ResolveChecklist), for the resolve dialog and `incident resolve`.
    Result<QList<ResolveBlocker>> resolveBlockers(qint64 incidentId) const;
    // Refused while a blocker is neither settled nor acknowledged. In one transaction: each
    // acknowledgement on the timeline, open roll calls closed, running timers stopped (one entry),
    // the status resolved.
    StoreError resolveIncident(qint64 incidentId, const QList<ResolveAcknowledgement> &acknowledgements,
                               const QString &author);
    // Back to an open status, logged with the reason.
    StoreError reopenIncident(qint64 incidentId, IncidentStatus status, const QString &reason, const QString &author);
    // ---- end of resolving ---------------------------------------------------------------------

    // Everything a training replay needs of one incident, read in one short read transaction
    // (incidentstore_replay.cpp). Works on a read-only store.
    Result<ReplaySource> replaySource(qint64 incidentId) const;
    // ---- Postmortem and whole-incident exchange (incidentstore_exchange.cpp) ----------------
    // Names (or renames) the postmortem's owner and due date; logged on the timeline as a key
    // event; announces postmortemChanged(incidentId).
    StoreError setPostmortem(qint64 incidentId, const QString &owner, const QDateTime &dueAt, const QString &author);
    Result<std::optional<Postmortem>> postmortem(qint64 incidentId) const;  // nullopt: not named yet
    Result<QList<IncidentChange>> incidentHistory(qint64 incidentId) const; // oldest first
    // Every row of the incident in every section of IncidentFormat, ids made document-local.
    Result<IncidentDocument> exportIncident(qint64 incidentId) const;
    // A validated document (IncidentJson::read) as a new incident, all in one transaction, with
    // fresh ids; people and departments already present (same handle / key) are reused.
    Result<qint64> importIncident(const IncidentDocument &document);
    // ---- end of postmortem and exchange ---------------------------------------------------

    // Health
    Result<QStringList> integrityProblems() const { return m_session.integrityProblems(); }
    Result<Stats> stats() const { return m_session.stats(); }
    StoreError limitPagesForTesting(qint64 maxPages) { return m_session.limitPagesForTesting(maxPages); }
    Result<QVariantMap> connectionSettings() const { return m_session.connectionSettings(); }
    void setExternalPollInterval(int milliseconds) { m_session.setExternalPollInterval(milliseconds); }
    void dispatchChanges() { m_session.dispatchChanges(); }

signals:
    void incidentAdded(qint64 incidentId);
    void incidentChanged(qint64 incidentId);
    void entryAdded(qint64 incidentId, qint64 entryId);
    void entryChanged(qint64 incidentId, qint64 entryId);
    void roleChanged(qint64 incidentId, qint64 roleId);         // added, holders or checklist changed
    void businessChanged(qint64 incidentId);                    // mode, briefing, audiences or skipped cells
    void activityChanged(qint64 incidentId, qint64 activityId); // emergency checklist: added or ticked
    void messageChanged(qint64 incidentId, qint64 messageId);   // drafted, revised or moved along the chain
    void noticeChanged(qint64 incidentId, qint64 noticeId);     // a department told, or taken back
    void inboundChanged(qint64 incidentId, qint64 questionId);  // a media/social question logged or answered
    void timerChanged(qint64 incidentId, qint64 timerId);       // started, or its state or deadline changed
    void rollCallChanged(qint64 incidentId, qint64 rollCallId); // a round started or closed
    void rollCallItemChanged(qint64 incidentId, qint64 itemId); // added, answered, marked or cleared
    void actionChanged(qint64 incidentId, qint64 actionId);     // added or edited
    void decisionChanged(qint64 incidentId, qint64 decisionId); // recorded
    void personChanged(qint64 personId);
    void departmentChanged(qint64 departmentId);
    void postmortemChanged(qint64 incidentId); // owner or due date named or changed
    // Too much changed to name one by one (a bulk import): reload the incident's timeline.
    void timelineReloaded(qint64 incidentId);

private:
    void announce(const StoreChange &change);

    // knownIncidents: incidents already checked in this transaction (a bulk append checks each once).
    Result<qint64> insertEntry(WriteTransaction &tx, const NewEntry &entry, bool logChange,
                               QSet<qint64> *knownIncidents = nullptr);
    // The one timeline writer of every domain: a new entry, announced with the rest of the
    // transaction's changes.
    StoreError log(WriteTransaction &tx, qint64 incidentId, EntryKind kind, const QString &text, bool keyEvent,
                   const QStringList &tags, const QString &author, const QDateTime &occurredAt = {});
    StoreError recordIncidentChange(WriteTransaction &tx, qint64 incidentId, const QString &field,
                                    const QString &oldValue, const QString &newValue, const QString &author);
    StoreError touchIncident(WriteTransaction &tx, qint64 incidentId);
    Result<QVariant> readIncidentField(WriteTransaction &tx, qint64 incidentId, const QString &column);
    // Records the field change and logs it on the timeline as a system entry.
    StoreError logIncidentChange(WriteTransaction &tx, qint64 incidentId, const QString &field, const QString &from,
                                 const QString &to, const QString &text, const QString &author);
    // While one lives, entries may go on a resolved incident (its postmortem, its reopening).
    class ClosedRecordWrite;
    StoreError changeStatusInTx(WriteTransaction &tx, qint64 incidentId, IncidentStatus before, IncidentStatus after,
                                const QString &text, const QString &author);
    // The one transaction behind startCountdown, startCadence and startStopwatch.
    Result<qint64> startTimer(TimerKind kind, const QString &doing, qint64 incidentId, const QString &label,
                              qint64 durationMs, const TimerOptions &options, const QString &author);
    // Role helpers, inside a transaction (incidentstore_roles.cpp).
    StoreError applyTemplateInTx(WriteTransaction &tx, qint64 incidentId, const RoleTemplate &roles,
                                 const QString &linkUnderRoleKey, const QString &author);
    Result<IncidentRole> roleInTx(WriteTransaction &tx, qint64 incidentId, const QString &roleKey);
    Result<qint64> insertRole(WriteTransaction &tx, qint64 incidentId, const RoleDefinition &role,
                              const QString &subTeam, int position);
    Result<qint64> startAssignment(WriteTransaction &tx, const IncidentRole &role, const Person &person,
                                   const QString &author);
    StoreError endAssignment(WriteTransaction &tx, const IncidentRole &role, const RoleHolder &holder,
                             const QString &reason, const QString &author);
    Result<Person> personInTx(WriteTransaction &tx, qint64 personId);
    // Business helpers, inside a transaction (incidentstore_business.cpp).
    enum class ActivityTick
    {
        Halt,
        Restart,
        Withdraw
    };
    StoreError tickActivity(qint64 activityId, ActivityTick tick, const QString &author);
    Result<BusinessMode> businessModeInTx(WriteTransaction &tx, qint64 incidentId);
    Result<BusinessActivity> activityInTx(WriteTransaction &tx, qint64 activityId);
    Result<Message> messageInTx(WriteTransaction &tx, qint64 messageId);
    StoreError insertActivity(WriteTransaction &tx, qint64 incidentId, const NewActivity &activity, bool userAdded,
                              const QString &author, qint64 *id);
    StoreError saveMode(WriteTransaction &tx, const BusinessMode &mode);
    StoreError allClearIfDone(WriteTransaction &tx, BusinessMode &mode, const QString &author);
    // Timer helpers, inside a transaction (incidentstore_timers.cpp).
    Result<Timer> timerInTx(WriteTransaction &tx, qint64 timerId);
    Result<qint64> insertTimer(WriteTransaction &tx, qint64 incidentId, TimerKind kind, const QString &label,
                               qint64 durationMs, const TimerOptions &options, const QString &author);
    StoreError saveTimer(WriteTransaction &tx, const Timer &timer);
    StoreError logPendingExpiry(WriteTransaction &tx, Timer &timer, const QString &author);
    // Loads the timer, logs an expiry nobody noticed yet, lets 'change' edit it and name the
    // entry text (an error refuses), then saves, logs and commits.
    StoreError changeTimer(qint64 timerId, const QString &author, const QString &doing,
                           const std::function<Result<QString>(Timer &)> &change);

    // Roll-call helpers, inside a transaction (incidentstore_rollcall.cpp).
    Result<RollCallItem> rollCallItemInTx(WriteTransaction &tx, qint64 itemId);
    StoreError closeRollCallInTx(WriteTransaction &tx, const RollCall &round, const QString &author);
    StoreError saveRollCallItem(WriteTransaction &tx, const RollCallItem &item);
    Result<IncidentAction> actionInTx(WriteTransaction &tx, qint64 actionId);
    Result<QString> actionOwnerName(WriteTransaction &tx, qint64 incidentId, const QString &roleKey, qint64 personId);

    const Clock &m_clock;
    StoreSession m_session;
    int m_closedRecordWrites = 0;
};

class IncidentStore::ClosedRecordWrite final
{
    Q_DISABLE_COPY_MOVE(ClosedRecordWrite)
public:
    explicit ClosedRecordWrite(IncidentStore &store, bool allow = true) : m_store(store), m_allow(allow)
    {
        if (m_allow)
            ++m_store.m_closedRecordWrites;
    }
    ~ClosedRecordWrite()
    {
        if (m_allow)
            --m_store.m_closedRecordWrites;
    }

private:
    IncidentStore &m_store;
    bool m_allow;
};

} // namespace cp
