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

// Roll call, actions and decisions (issue #5). A round's items keep the role title and holder
// as they were when the round started; a missed item stays on the Deputy's list until a later
// answer of the same role and person or a dismissal clears it.
QStringList step5(const SqlDialect &d)
{
    const QString id = d.identityColumn();
    return {
        QStringLiteral("CREATE TABLE roll_call ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " number INTEGER NOT NULL,"
                       " scope TEXT NOT NULL DEFAULT '',"
                       " started_at BIGINT NOT NULL,"
                       " started_by TEXT NOT NULL,"
                       " ended_at BIGINT,"
                       " ended_by TEXT,"
                       " timer_id BIGINT REFERENCES timer(id),"
                       " UNIQUE (incident_id, number))")
            .arg(id),
        QStringLiteral("CREATE TABLE roll_call_item ("
                       " id %1,"
                       " roll_call_id BIGINT NOT NULL REFERENCES roll_call(id),"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " position INTEGER NOT NULL,"
                       " role_key TEXT NOT NULL,"
                       " role_title TEXT NOT NULL,"
                       " person_id BIGINT REFERENCES person(id),"
                       " person_name TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL,"
                       " condition TEXT NOT NULL DEFAULT '',"
                       " condition_text TEXT NOT NULL DEFAULT '',"
                       " actions_text TEXT NOT NULL DEFAULT '',"
                       " needs_text TEXT NOT NULL DEFAULT '',"
                       " asked_at BIGINT,"
                       " answered_at BIGINT,"
                       " answered_by TEXT,"
                       " cleared_at BIGINT,"
                       " cleared_by TEXT,"
                       " cleared_reason TEXT)")
            .arg(id),
        QStringLiteral("CREATE INDEX roll_call_item_by_round ON roll_call_item (roll_call_id, position)"),
        QStringLiteral("CREATE INDEX roll_call_item_by_incident ON roll_call_item (incident_id, state)"),
        QStringLiteral("CREATE TABLE incident_action ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " body TEXT NOT NULL,"
                       " owner_role_key TEXT NOT NULL DEFAULT '',"
                       " owner_person_id BIGINT REFERENCES person(id),"
                       " status TEXT NOT NULL,"
                       " timer_id BIGINT REFERENCES timer(id),"
                       " follow_up INTEGER NOT NULL DEFAULT 0,"
                       " origin_item_id BIGINT REFERENCES roll_call_item(id),"
                       " created_at BIGINT NOT NULL,"
                       " created_by TEXT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " closed_at BIGINT)")
            .arg(id),
        QStringLiteral("CREATE INDEX incident_action_by_incident ON incident_action (incident_id, status)"),
        QStringLiteral("CREATE TABLE incident_decision ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " proposal TEXT NOT NULL,"
                       " objection_check TEXT NOT NULL,"
                       " objections TEXT NOT NULL DEFAULT '',"
                       " outcome TEXT NOT NULL,"
                       " decided_by TEXT NOT NULL,"
                       " decided_at BIGINT NOT NULL,"
                       " recorded_by TEXT NOT NULL)")
            .arg(id),
        QStringLiteral("CREATE INDEX incident_decision_by_incident ON incident_decision (incident_id, decided_at)"),
    };
}

// Business incident mode (issue #9): emergency operations, the first briefing, messages through
// the approval chain with every version and step, skipped grid cells, departments told and
// inbound media/social questions.
QStringList step6(const SqlDialect &d)
{
    const QString id = d.identityColumn();
    return {
        QStringLiteral("CREATE TABLE business_mode ("
                       " incident_id BIGINT PRIMARY KEY REFERENCES incident(id),"
                       " state TEXT NOT NULL,"
                       " audiences TEXT NOT NULL,"
                       " declared_at BIGINT NOT NULL,"
                       " declared_by TEXT NOT NULL,"
                       " normal_at BIGINT,"
                       " normal_by TEXT NOT NULL DEFAULT '',"
                       " all_clear_at BIGINT,"
                       " analysis_timer_id BIGINT REFERENCES timer(id))"),
        QStringLiteral("CREATE TABLE business_activity ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " position INTEGER NOT NULL,"
                       " activity TEXT NOT NULL,"
                       " owner_role_key TEXT NOT NULL DEFAULT '',"
                       " user_added INTEGER NOT NULL DEFAULT 0,"
                       " added_by TEXT NOT NULL,"
                       " halted_at BIGINT,"
                       " halted_by TEXT,"
                       " restarted_at BIGINT,"
                       " restarted_by TEXT)")
            .arg(id),
        QStringLiteral("CREATE INDEX business_activity_by_incident ON business_activity (incident_id, position)"),
        QStringLiteral("CREATE TABLE briefing_answer ("
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " question_key TEXT NOT NULL,"
                       " answer TEXT NOT NULL,"
                       " answered_by TEXT NOT NULL,"
                       " answered_at BIGINT NOT NULL,"
                       " PRIMARY KEY (incident_id, question_key))"),
        QStringLiteral("CREATE TABLE message ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " audience TEXT NOT NULL,"
                       " phase TEXT NOT NULL,"
                       " channel TEXT NOT NULL,"
                       " body TEXT NOT NULL,"
                       " version INTEGER NOT NULL,"
                       " waiting_for TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " created_by TEXT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " sent_at BIGINT)")
            .arg(id),
        QStringLiteral("CREATE INDEX message_by_incident ON message (incident_id, audience, phase)"),
        QStringLiteral("CREATE TABLE message_version ("
                       " message_id BIGINT NOT NULL REFERENCES message(id),"
                       " version INTEGER NOT NULL,"
                       " body TEXT NOT NULL,"
                       " channel TEXT NOT NULL,"
                       " drafted_at BIGINT NOT NULL,"
                       " drafted_by TEXT NOT NULL,"
                       " PRIMARY KEY (message_id, version))"),
        QStringLiteral("CREATE TABLE message_step ("
                       " id %1,"
                       " message_id BIGINT NOT NULL REFERENCES message(id),"
                       " version INTEGER NOT NULL,"
                       " step TEXT NOT NULL,"
                       " verdict TEXT NOT NULL,"
                       " comment TEXT NOT NULL DEFAULT '',"
                       " done_by TEXT NOT NULL,"
                       " done_at BIGINT NOT NULL)")
            .arg(id),
        QStringLiteral("CREATE INDEX message_step_by_message ON message_step (message_id, id)"),
        QStringLiteral("CREATE TABLE message_skip ("
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " audience TEXT NOT NULL,"
                       " phase TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " skipped_by TEXT NOT NULL,"
                       " skipped_at BIGINT NOT NULL,"
                       " PRIMARY KEY (incident_id, audience, phase))"),
        QStringLiteral("CREATE TABLE stakeholder_notice ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " department_key TEXT NOT NULL,"
                       " told_at BIGINT NOT NULL,"
                       " told_by TEXT NOT NULL,"
                       " method TEXT NOT NULL DEFAULT '',"
                       " note TEXT NOT NULL DEFAULT '',"
                       " withdrawn_at BIGINT,"
                       " withdrawn_by TEXT)")
            .arg(id),
        QStringLiteral("CREATE INDEX stakeholder_notice_by_incident ON stakeholder_notice (incident_id, told_at)"),
        QStringLiteral("CREATE TABLE inbound_question ("
                       " id %1,"
                       " incident_id BIGINT NOT NULL REFERENCES incident(id),"
                       " channel TEXT NOT NULL,"
                       " asked_by TEXT NOT NULL DEFAULT '',"
                       " question TEXT NOT NULL,"
                       " received_at BIGINT NOT NULL,"
                       " logged_by TEXT NOT NULL,"
                       " answer TEXT NOT NULL DEFAULT '',"
                       " answered_at BIGINT,"
                       " answered_by TEXT)")
            .arg(id),
        QStringLiteral("CREATE INDEX inbound_question_by_incident ON inbound_question (incident_id, id)"),
    };
}

// Team mode's outbox: an entry written while the server was out of reach carries the id its
// client made for it (a UUID); its receipt here is unique, so sending it again (a reply lost, a
// client killed before it cleared its outbox) never logs it twice. A delivery record, not part of
// the incident: exports leave it out, as they leave out the change log.
QStringList step7(const SqlDialect &)
{
    return {
        QStringLiteral("CREATE TABLE entry_delivery ("
                       " client_uuid TEXT NOT NULL PRIMARY KEY,"
                       " entry_id BIGINT NOT NULL REFERENCES timeline_entry(id))"),
    };
}

} // namespace

QList<MigrationStep> Schema::steps(const SqlDialect &dialect)
{
    return {
        {1, step1(dialect)}, {2, step2(dialect)}, {3, step3(dialect)}, {4, step4(dialect)},
        {5, step5(dialect)}, {6, step6(dialect)}, {7, step7(dialect)},
    };
}

QStringList Schema::growingTables()
{
    return {QStringLiteral("timeline_entry"), QStringLiteral("timeline_revision"), QStringLiteral("change_log")};
}

int Schema::latestVersion()
{
    return 7;
}

} // namespace cp
