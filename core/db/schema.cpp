#include "schema.h"

namespace cp {

namespace {

// Times are integer milliseconds since the epoch, UTC. Kinds and statuses are stable text keys.
QStringList step1(const SqlDialect &d)
{
    const QString id = d.identityColumn();
    return {
        QStringLiteral("CREATE TABLE incident ("
                       " id %1,"
                       " title TEXT NOT NULL,"
                       " summary TEXT NOT NULL DEFAULT '',"
                       " severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),"
                       " status TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " declared_at BIGINT NOT NULL,"
                       " resolved_at BIGINT,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL)")
            .arg(id),
        // Field-by-field history of an incident's own attributes (severity, status, title …).
        QStringLiteral("CREATE TABLE incident_change ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " changed_at BIGINT NOT NULL,"
                       " changed_by TEXT NOT NULL,"
                       " field TEXT NOT NULL,"
                       " old_value TEXT,"
                       " new_value TEXT)")
            .arg(id),
        QStringLiteral("CREATE INDEX incident_change_by_incident ON incident_change (incident_id, changed_at)"),
        // The current reading of each entry. Superseded versions go to timeline_revision.
        QStringLiteral("CREATE TABLE timeline_entry ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " kind TEXT NOT NULL,"
                       " author TEXT NOT NULL,"
                       " occurred_at BIGINT NOT NULL,"
                       " captured_at BIGINT NOT NULL,"
                       " body TEXT NOT NULL,"
                       " tags TEXT NOT NULL DEFAULT '',"
                       " key_event INTEGER NOT NULL DEFAULT 0,"
                       " retracted INTEGER NOT NULL DEFAULT 0,"
                       " revision INTEGER NOT NULL DEFAULT 0)")
            .arg(id),
        QStringLiteral("CREATE INDEX timeline_entry_by_time ON timeline_entry (incident_id, occurred_at, id)"),
        QStringLiteral("CREATE TABLE timeline_revision ("
                       " entry_id BIGINT NOT NULL REFERENCES timeline_entry(id),"
                       " revision INTEGER NOT NULL,"
                       " superseded_at BIGINT NOT NULL,"
                       " superseded_by TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " occurred_at BIGINT NOT NULL,"
                       " body TEXT NOT NULL,"
                       " tags TEXT NOT NULL,"
                       " key_event INTEGER NOT NULL,"
                       " retracted INTEGER NOT NULL,"
                       " PRIMARY KEY (entry_id, revision))"),
        // Every committed change, in order: how other windows and processes learn what changed.
        QStringLiteral("CREATE TABLE change_log ("
                       " seq %1,"
                       " entity TEXT NOT NULL,"
                       " entity_id BIGINT NOT NULL,"
                       " incident_id BIGINT,"
                       " op TEXT NOT NULL)")
            .arg(id),
    };
}

// Roles, the roster and assignments (issue: roles).
QStringList step2(const SqlDialect &d)
{
    const QString id = d.identityColumn();
    return {
        QStringLiteral("ALTER TABLE incident ADD COLUMN template_key TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE TABLE department ("
                       " id %1,"
                       " key TEXT NOT NULL UNIQUE,"
                       " name TEXT NOT NULL,"
                       " primary_contact TEXT NOT NULL DEFAULT '',"
                       " oncall_rotation TEXT NOT NULL DEFAULT '',"
                       " escalation_path TEXT NOT NULL DEFAULT '')")
            .arg(id),
        QStringLiteral("CREATE TABLE person ("
                       " id %1,"
                       " name TEXT NOT NULL,"
                       " handle TEXT NOT NULL UNIQUE,"
                       " team TEXT NOT NULL DEFAULT '',"
                       " department_key TEXT NOT NULL DEFAULT '',"
                       " contact TEXT NOT NULL DEFAULT '',"
                       " trained_roles TEXT NOT NULL DEFAULT '',"
                       " trainee INTEGER NOT NULL DEFAULT 0)")
            .arg(id),
        QStringLiteral("CREATE TABLE incident_role ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " role_key TEXT NOT NULL,"
                       " title TEXT NOT NULL,"
                       " short_name TEXT NOT NULL,"
                       " group_name TEXT NOT NULL DEFAULT '',"
                       " parent_key TEXT NOT NULL DEFAULT '',"
                       " staff INTEGER NOT NULL DEFAULT 0,"
                       " multiple INTEGER NOT NULL DEFAULT 0,"
                       " required INTEGER NOT NULL DEFAULT 0,"
                       " description TEXT NOT NULL DEFAULT '',"
                       " sub_team TEXT NOT NULL DEFAULT '',"
                       " position INTEGER NOT NULL DEFAULT 0,"
                       " UNIQUE (incident_id, role_key))")
            .arg(id),
        QStringLiteral("CREATE TABLE role_duty ("
                       " id %1,"
                       " role_id BIGINT NOT NULL REFERENCES incident_role(id),"
                       " position INTEGER NOT NULL,"
                       " body TEXT NOT NULL,"
                       " done_at BIGINT,"
                       " done_by TEXT)")
            .arg(id),
        QStringLiteral("CREATE INDEX role_duty_by_role ON role_duty (role_id, position)"),
        QStringLiteral("CREATE TABLE assignment ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " role_id BIGINT NOT NULL REFERENCES incident_role(id),"
                       " person_id BIGINT NOT NULL REFERENCES person(id),"
                       " started_at BIGINT NOT NULL,"
                       " started_by TEXT NOT NULL,"
                       " ended_at BIGINT,"
                       " ended_by TEXT,"
                       " end_reason TEXT)")
            .arg(id),
        QStringLiteral("CREATE INDEX assignment_by_incident ON assignment (incident_id, role_id, ended_at)"),
    };
}

// Timers (issue #4): countdowns, cadences and stopwatches with absolute deadlines.
QStringList step3(const SqlDialect &d)
{
    const QString id = d.identityColumn();
    return {
        QStringLiteral("CREATE TABLE timer ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " kind TEXT NOT NULL,"
                       " label TEXT NOT NULL,"
                       " owner_role_key TEXT NOT NULL DEFAULT '',"
                       " entry_id BIGINT REFERENCES timeline_entry(id),"
                       " state TEXT NOT NULL,"
                       " duration_ms BIGINT NOT NULL DEFAULT 0,"
                       " warn_ms BIGINT NOT NULL DEFAULT 60000,"
                       " anchor_at BIGINT NOT NULL,"
                       " deadline_at BIGINT,"
                       " paused_ms BIGINT NOT NULL DEFAULT 0,"
                       " ends_at BIGINT,"
                       " expired_deadline_at BIGINT,"
                       " default_key TEXT NOT NULL DEFAULT '',"
                       " created_at BIGINT NOT NULL,"
                       " created_by TEXT NOT NULL,"
                       " updated_at BIGINT NOT NULL)")
            .arg(id),
        QStringLiteral("CREATE INDEX timer_by_incident ON timer (incident_id, state)"),
    };
}

// Postmortem (issue #7): who owns the postmortem of a resolved incident and when it is due.
QStringList step4(const SqlDialect &d)
{
    const QString id = d.identityColumn();
    return {
        QStringLiteral("CREATE TABLE postmortem ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL UNIQUE REFERENCES incident(id),"
                       " owner TEXT NOT NULL,"
                       " due_at BIGINT NOT NULL,"
                       " assigned_at BIGINT NOT NULL,"
                       " assigned_by TEXT NOT NULL)")
            .arg(id),
    };
}

} // namespace

QList<MigrationStep> Schema::steps(const SqlDialect &dialect)
{
    return {
        {1, step1(dialect)},
        {2, step2(dialect)},
        {3, step3(dialect)},
        {4, step4(dialect)},
    };
}

int Schema::latestVersion()
{
    return 4;
}

} // namespace cp
