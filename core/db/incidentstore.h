#pragma once

#include "domain/clock.h"
#include "domain/incident.h"
#include "domain/incidentrole.h"
#include "domain/postmortem.h"
#include "domain/roster.h"
#include "domain/timelineentry.h"
#include "exchange/incidentdocument.h"
#include "sqldialect.h"
#include "storeerror.h"
#include "timers/timer.h"
#include "timers/timerdefaults.h"

#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>

namespace cp {

class WriteTransaction;

// The only writer of incident state. Every mutation is one method and one transaction,
// committed with WAL and synchronous=FULL before the method returns success. Afterwards the
// store announces what changed through typed signals; changes committed by other processes
// (the CLI, a second writer) are announced the same way once noticed.
class IncidentStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentStore)

public:
    enum class OpenMode
    {
        ReadWrite,
        ReadOnly
    };
    struct Options
    {
        OpenMode mode = OpenMode::ReadWrite;
        bool create = true;       // create the file (and its folder) when missing
        int busyTimeoutMs = 5000; // how long a write waits for another writer's lock
        bool quickCheck = true;   // PRAGMA quick_check on open
    };

    struct Stats
    {
        int schemaVersion = 0;
        qint64 incidents = 0;
        qint64 entries = 0;
    };

    explicit IncidentStore(const Clock &clock, QObject *parent = nullptr);
    ~IncidentStore() override;

    static QString defaultPath();

    StoreError open(const QString &path, const Options &options);
    StoreError open(const QString &path) { return open(path, Options{}); }
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    bool isReadOnly() const { return m_options.mode == OpenMode::ReadOnly; }
    QString path() const { return m_path; }
    const Clock &clock() const { return m_clock; }

    // Incidents
    Result<qint64> createIncident(const NewIncident &incident, const QString &author);
    StoreError setSeverity(qint64 incidentId, Severity severity, const QString &author);
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

    // ---- Postmortem and whole-incident exchange (incidentstore_exchange.cpp) ----------------
    // Names (or renames) the postmortem's owner and due date; logged on the timeline as a key
    // event; announces postmortemChanged(incidentId).
    StoreError setPostmortem(qint64 incidentId, const QString &owner, const QDateTime &dueAt, const QString &author);
    Result<std::optional<Postmortem>> postmortem(qint64 incidentId) const; // nullopt: not named yet
    Result<QList<IncidentChange>> incidentHistory(qint64 incidentId) const; // oldest first
    // Every row of the incident in every section of IncidentFormat, ids made document-local.
    Result<IncidentDocument> exportIncident(qint64 incidentId) const;
    // A validated document (IncidentJson::read) as a new incident, all in one transaction, with
    // fresh ids; people and departments already present (same handle / key) are reused.
    Result<qint64> importIncident(const IncidentDocument &document);
    // ---- end of postmortem and exchange ---------------------------------------------------

    // Health
    Result<QStringList> integrityProblems() const; // empty: healthy
    Result<Stats> stats() const;
    // The connection's journal mode, synchronous level and foreign-key enforcement, as SQLite
    // reports them: {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}.
    Result<QVariantMap> connectionSettings() const;

    // Outside commits are noticed by polling SQLite's data_version; 0 stops polling.
    void setExternalPollInterval(int milliseconds);
    // Reads and announces changes committed since the last look (own or outside).
    void dispatchChanges();

signals:
    void incidentAdded(qint64 incidentId);
    void incidentChanged(qint64 incidentId);
    void entryAdded(qint64 incidentId, qint64 entryId);
    void entryChanged(qint64 incidentId, qint64 entryId);
    void roleChanged(qint64 incidentId, qint64 roleId);   // added, holders or checklist changed
    void timerChanged(qint64 incidentId, qint64 timerId); // started, or its state or deadline changed
    void personChanged(qint64 personId);
    void departmentChanged(qint64 departmentId);
    void postmortemChanged(qint64 incidentId); // owner or due date named or changed
    // Too much changed to name one by one (a bulk import): reload the incident's timeline.
    void timelineReloaded(qint64 incidentId);

private:
    StoreError openConnection(const QString &path);
    StoreError verifyContent();
    StoreError migrate();
    StoreError requireWritable() const;
    void checkExternalCommits();

    // knownIncidents: incidents already checked in this transaction (a bulk append checks each once).
    Result<qint64> insertEntry(WriteTransaction &tx, const NewEntry &entry, bool logChange,
                               QSet<qint64> *knownIncidents = nullptr);
    StoreError logChange(WriteTransaction &tx, const QString &entity, qint64 entityId, qint64 incidentId,
                         const QString &op);
    StoreError recordIncidentChange(WriteTransaction &tx, qint64 incidentId, const QString &field,
                                    const QString &oldValue, const QString &newValue, const QString &author);
    StoreError touchIncident(WriteTransaction &tx, qint64 incidentId);
    Result<QVariant> readIncidentField(WriteTransaction &tx, qint64 incidentId, const QString &column);
    // Records the field change and logs it on the timeline as a system entry.
    StoreError logIncidentChange(WriteTransaction &tx, qint64 incidentId, const QString &field, const QString &from,
                                 const QString &to, const QString &text, const QString &author);
    StoreError finish(WriteTransaction &tx);
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
    StoreError logRoleEntry(WriteTransaction &tx, qint64 incidentId, const QString &text, bool keyEvent,
                            const QString &author);
    Result<Person> personInTx(WriteTransaction &tx, qint64 personId);
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
    StoreError logTimerEntry(WriteTransaction &tx, const Timer &timer, const QString &text, const QString &author,
                             const QDateTime &occurredAt = {});

    const Clock &m_clock;
    SqlDialect m_dialect;
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    Options m_options;
    qint64 m_lastSeenChange = 0;
    qint64 m_dataVersion = -1;
    QTimer m_pollTimer;
};

} // namespace cp
