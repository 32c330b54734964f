#include "incidentdocument.h"

namespace cp {

namespace IncidentFormat {

namespace {

Field id()
{
    return {QStringLiteral("id"), FieldType::Id};
}
Field ref(const QString &name, const QString &section, bool nullable = false)
{
    Field f{name, FieldType::Ref, nullable};
    f.refSection = section;
    return f;
}
Field time(const QString &name, bool nullable = false)
{
    return {name, FieldType::Time, nullable};
}
Field integer(const QString &name, qint64 min = 0, qint64 max = 0)
{
    Field f{name, FieldType::Int};
    f.min = min;
    f.max = max;
    return f;
}
Field boolean(const QString &name)
{
    return {name, FieldType::Bool};
}
Field text(const QString &name, bool nullable = false, const QStringList &choices = {})
{
    Field f{name, FieldType::Text, nullable};
    f.choices = choices;
    return f;
}

QStringList words(const char *list)
{
    return QString::fromLatin1(list).split(QLatin1Char(' '));
}

const QString ByIncident = QStringLiteral("incident_id = ?");

QList<Section> buildSections()
{
    const QStringList entryKinds =
        words("action status decision callout note communication role timer rollcall system");
    QList<Section> list;
    list << Section{QStringLiteral("incident"),
                    QStringLiteral("incident"),
                    Scope::Incident,
                    {id(), text(QStringLiteral("title")), text(QStringLiteral("summary")),
                     integer(QStringLiteral("severity"), 1, 5),
                     text(QStringLiteral("status"), false, words("investigating identified monitoring resolved")),
                     text(QStringLiteral("kind"), false, words("technical business security pr")),
                     time(QStringLiteral("declared_at")), time(QStringLiteral("resolved_at"), true),
                     time(QStringLiteral("created_at")), time(QStringLiteral("updated_at")),
                     text(QStringLiteral("template_key"))},
                    QStringLiteral("id = ?"),
                    QStringLiteral("id"),
                    {}};
    list << Section{QStringLiteral("incident_changes"),
                    QStringLiteral("incident_change"),
                    Scope::OfIncident,
                    {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")),
                     time(QStringLiteral("changed_at")), text(QStringLiteral("changed_by")),
                     text(QStringLiteral("field")), text(QStringLiteral("old_value"), true),
                     text(QStringLiteral("new_value"), true)},
                    ByIncident,
                    QStringLiteral("id"),
                    {}};
    list << Section{QStringLiteral("timeline"),
                    QStringLiteral("timeline_entry"),
                    Scope::OfIncident,
                    {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")),
                     text(QStringLiteral("kind"), false, entryKinds), text(QStringLiteral("author")),
                     time(QStringLiteral("occurred_at")), time(QStringLiteral("captured_at")),
                     text(QStringLiteral("body")), text(QStringLiteral("tags")), boolean(QStringLiteral("key_event")),
                     boolean(QStringLiteral("retracted")), integer(QStringLiteral("revision"))},
                    ByIncident,
                    QStringLiteral("id"),
                    {}};
    list << Section{QStringLiteral("timeline_revisions"),
                    QStringLiteral("timeline_revision"),
                    Scope::OfIncident,
                    {ref(QStringLiteral("entry_id"), QStringLiteral("timeline")), integer(QStringLiteral("revision")),
                     time(QStringLiteral("superseded_at")), text(QStringLiteral("superseded_by")),
                     text(QStringLiteral("kind"), false, entryKinds), time(QStringLiteral("occurred_at")),
                     text(QStringLiteral("body")), text(QStringLiteral("tags")), boolean(QStringLiteral("key_event")),
                     boolean(QStringLiteral("retracted"))},
                    QStringLiteral("entry_id IN (SELECT id FROM timeline_entry WHERE incident_id = ?)"),
                    QStringLiteral("entry_id, revision"),
                    {}};
    // The directory and the roster are shared by every incident: the document carries the
    // departments and people the incident refers to, and an import reuses existing ones.
    const QString peopleOfIncident =
        QStringLiteral("id IN (SELECT person_id FROM assignment WHERE incident_id = ?"
                       " UNION SELECT person_id FROM roll_call_item WHERE incident_id = ?"
                       " UNION SELECT owner_person_id FROM incident_action WHERE incident_id = ?)");
    list << Section{QStringLiteral("departments"),
                    QStringLiteral("department"),
                    Scope::Shared,
                    {id(), text(QStringLiteral("key")), text(QStringLiteral("name")),
                     text(QStringLiteral("primary_contact")), text(QStringLiteral("oncall_rotation")),
                     text(QStringLiteral("escalation_path"))},
                    QStringLiteral("key IN (SELECT department_key FROM person WHERE %1)"
                                   " OR key IN (SELECT department_key FROM stakeholder_notice WHERE incident_id = ?)")
                        .arg(peopleOfIncident),
                    QStringLiteral("id"),
                    QStringLiteral("key")};
    list << Section{QStringLiteral("people"),
                    QStringLiteral("person"),
                    Scope::Shared,
                    {id(), text(QStringLiteral("name")), text(QStringLiteral("handle")), text(QStringLiteral("team")),
                     text(QStringLiteral("department_key")), text(QStringLiteral("contact")),
                     text(QStringLiteral("trained_roles")), boolean(QStringLiteral("trainee"))},
                    peopleOfIncident,
                    QStringLiteral("id"),
                    QStringLiteral("handle")};
    list << Section{
        QStringLiteral("roles"),
        QStringLiteral("incident_role"),
        Scope::OfIncident,
        {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")), text(QStringLiteral("role_key")),
         text(QStringLiteral("title")), text(QStringLiteral("short_name")), text(QStringLiteral("group_name")),
         text(QStringLiteral("parent_key")), boolean(QStringLiteral("staff")), boolean(QStringLiteral("multiple")),
         boolean(QStringLiteral("required")), text(QStringLiteral("description")), text(QStringLiteral("sub_team")),
         integer(QStringLiteral("position"))},
        ByIncident,
        QStringLiteral("id"),
        {}};
    list << Section{QStringLiteral("role_duties"),
                    QStringLiteral("role_duty"),
                    Scope::OfIncident,
                    {id(), ref(QStringLiteral("role_id"), QStringLiteral("roles")), integer(QStringLiteral("position")),
                     text(QStringLiteral("body")), time(QStringLiteral("done_at"), true),
                     text(QStringLiteral("done_by"), true)},
                    QStringLiteral("role_id IN (SELECT id FROM incident_role WHERE incident_id = ?)"),
                    QStringLiteral("id"),
                    {}};
    list << Section{QStringLiteral("assignments"),
                    QStringLiteral("assignment"),
                    Scope::OfIncident,
                    {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")),
                     ref(QStringLiteral("role_id"), QStringLiteral("roles")),
                     ref(QStringLiteral("person_id"), QStringLiteral("people")), time(QStringLiteral("started_at")),
                     text(QStringLiteral("started_by")), time(QStringLiteral("ended_at"), true),
                     text(QStringLiteral("ended_by"), true), text(QStringLiteral("end_reason"), true)},
                    ByIncident,
                    QStringLiteral("id"),
                    {}};
    list << Section{
        QStringLiteral("timers"),
        QStringLiteral("timer"),
        Scope::OfIncident,
        {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")),
         text(QStringLiteral("kind"), false, words("countdown cadence stopwatch")), text(QStringLiteral("label")),
         text(QStringLiteral("owner_role_key")), ref(QStringLiteral("entry_id"), QStringLiteral("timeline"), true),
         text(QStringLiteral("state"), false, words("running paused acknowledged cancelled")),
         integer(QStringLiteral("duration_ms")), integer(QStringLiteral("warn_ms")), time(QStringLiteral("anchor_at")),
         time(QStringLiteral("deadline_at"), true), integer(QStringLiteral("paused_ms")),
         time(QStringLiteral("ends_at"), true), time(QStringLiteral("expired_deadline_at"), true),
         text(QStringLiteral("default_key")), time(QStringLiteral("created_at")), text(QStringLiteral("created_by")),
         time(QStringLiteral("updated_at"))},
        ByIncident,
        QStringLiteral("id"),
        {}};
    // Roll call, actions and decisions (issue #5).
    list << Section{QStringLiteral("roll_calls"),
                    QStringLiteral("roll_call"),
                    Scope::OfIncident,
                    {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")),
                     integer(QStringLiteral("number")), text(QStringLiteral("scope")),
                     time(QStringLiteral("started_at")), text(QStringLiteral("started_by")),
                     time(QStringLiteral("ended_at"), true), text(QStringLiteral("ended_by"), true),
                     ref(QStringLiteral("timer_id"), QStringLiteral("timers"), true)},
                    ByIncident,
                    QStringLiteral("id"),
                    {}};
    list << Section{
        QStringLiteral("roll_call_items"),
        QStringLiteral("roll_call_item"),
        Scope::OfIncident,
        {id(), ref(QStringLiteral("roll_call_id"), QStringLiteral("roll_calls")),
         ref(QStringLiteral("incident_id"), QStringLiteral("incident")), integer(QStringLiteral("position")),
         text(QStringLiteral("role_key")), text(QStringLiteral("role_title")),
         ref(QStringLiteral("person_id"), QStringLiteral("people"), true), text(QStringLiteral("person_name")),
         text(QStringLiteral("state"), false, words("pending answered no-answer skipped")),
         text(QStringLiteral("condition")), text(QStringLiteral("condition_text")),
         text(QStringLiteral("actions_text")), text(QStringLiteral("needs_text")),
         time(QStringLiteral("asked_at"), true), time(QStringLiteral("answered_at"), true),
         text(QStringLiteral("answered_by"), true), time(QStringLiteral("cleared_at"), true),
         text(QStringLiteral("cleared_by"), true), text(QStringLiteral("cleared_reason"), true)},
        ByIncident,
        QStringLiteral("id"),
        {}};
    list << Section{
        QStringLiteral("actions"),
        QStringLiteral("incident_action"),
        Scope::OfIncident,
        {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")), text(QStringLiteral("body")),
         text(QStringLiteral("owner_role_key")), ref(QStringLiteral("owner_person_id"), QStringLiteral("people"), true),
         text(QStringLiteral("status"), false, words("proposed assigned in-progress done cancelled")),
         ref(QStringLiteral("timer_id"), QStringLiteral("timers"), true), boolean(QStringLiteral("follow_up")),
         ref(QStringLiteral("origin_item_id"), QStringLiteral("roll_call_items"), true),
         time(QStringLiteral("created_at")), text(QStringLiteral("created_by")), time(QStringLiteral("updated_at")),
         time(QStringLiteral("closed_at"), true)},
        ByIncident,
        QStringLiteral("id"),
        {}};
    list << Section{
        QStringLiteral("decisions"),
        QStringLiteral("incident_decision"),
        Scope::OfIncident,
        {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")), text(QStringLiteral("proposal")),
         text(QStringLiteral("objection_check"), false, words("not-asked none-raised raised")),
         text(QStringLiteral("objections")), text(QStringLiteral("outcome"), false, words("adopted rejected deferred")),
         text(QStringLiteral("decided_by")), time(QStringLiteral("decided_at")), text(QStringLiteral("recorded_by"))},
        ByIncident,
        QStringLiteral("id"),
        {}};
    // Business incident mode (issue #9): emergency operations, the briefing, messages through the
    // approval chain, departments told, inbound questions.
    const QString incidentRef = QStringLiteral("incident_id");
    auto ofIncident = [&](const QString &name, const QString &table, const QList<Field> &fields,
                          const QString &orderBy = QStringLiteral("id")) {
        list << Section{name, table, Scope::OfIncident, fields, ByIncident, orderBy, {}};
    };
    ofIncident(QStringLiteral("business_mode"), QStringLiteral("business_mode"),
               {ref(incidentRef, QStringLiteral("incident")), text(QStringLiteral("state")),
                text(QStringLiteral("audiences")), time(QStringLiteral("declared_at")),
                text(QStringLiteral("declared_by")), time(QStringLiteral("normal_at"), true),
                text(QStringLiteral("normal_by")), time(QStringLiteral("all_clear_at"), true),
                ref(QStringLiteral("analysis_timer_id"), QStringLiteral("timers"), true)},
               QStringLiteral("incident_id"));
    ofIncident(QStringLiteral("business_activities"), QStringLiteral("business_activity"),
               {id(), ref(incidentRef, QStringLiteral("incident")), integer(QStringLiteral("position")),
                text(QStringLiteral("activity")), text(QStringLiteral("owner_role_key")),
                boolean(QStringLiteral("user_added")), text(QStringLiteral("added_by")),
                time(QStringLiteral("halted_at"), true), text(QStringLiteral("halted_by"), true),
                time(QStringLiteral("restarted_at"), true), text(QStringLiteral("restarted_by"), true)});
    ofIncident(QStringLiteral("briefing_answers"), QStringLiteral("briefing_answer"),
               {ref(incidentRef, QStringLiteral("incident")), text(QStringLiteral("question_key")),
                text(QStringLiteral("answer")), text(QStringLiteral("answered_by")),
                time(QStringLiteral("answered_at"))},
               QStringLiteral("question_key"));
    ofIncident(QStringLiteral("messages"), QStringLiteral("message"),
               {id(), ref(incidentRef, QStringLiteral("incident")), text(QStringLiteral("audience")),
                text(QStringLiteral("phase")), text(QStringLiteral("channel")), text(QStringLiteral("body")),
                integer(QStringLiteral("version")), text(QStringLiteral("waiting_for")),
                time(QStringLiteral("created_at")), text(QStringLiteral("created_by")),
                time(QStringLiteral("updated_at")), time(QStringLiteral("sent_at"), true)});
    list << Section{QStringLiteral("message_versions"),
                    QStringLiteral("message_version"),
                    Scope::OfIncident,
                    {ref(QStringLiteral("message_id"), QStringLiteral("messages")), integer(QStringLiteral("version")),
                     text(QStringLiteral("body")), text(QStringLiteral("channel")), time(QStringLiteral("drafted_at")),
                     text(QStringLiteral("drafted_by"))},
                    QStringLiteral("message_id IN (SELECT id FROM message WHERE incident_id = ?)"),
                    QStringLiteral("message_id, version"),
                    {}};
    list << Section{QStringLiteral("message_steps"),
                    QStringLiteral("message_step"),
                    Scope::OfIncident,
                    {id(), ref(QStringLiteral("message_id"), QStringLiteral("messages")),
                     integer(QStringLiteral("version")), text(QStringLiteral("step")), text(QStringLiteral("verdict")),
                     text(QStringLiteral("comment")), text(QStringLiteral("done_by")), time(QStringLiteral("done_at"))},
                    QStringLiteral("message_id IN (SELECT id FROM message WHERE incident_id = ?)"),
                    QStringLiteral("id"),
                    {}};
    ofIncident(QStringLiteral("message_skips"), QStringLiteral("message_skip"),
               {ref(incidentRef, QStringLiteral("incident")), text(QStringLiteral("audience")),
                text(QStringLiteral("phase")), text(QStringLiteral("reason")), text(QStringLiteral("skipped_by")),
                time(QStringLiteral("skipped_at"))},
               QStringLiteral("audience, phase"));
    ofIncident(QStringLiteral("stakeholder_notices"), QStringLiteral("stakeholder_notice"),
               {id(), ref(incidentRef, QStringLiteral("incident")), text(QStringLiteral("department_key")),
                time(QStringLiteral("told_at")), text(QStringLiteral("told_by")), text(QStringLiteral("method")),
                text(QStringLiteral("note")), time(QStringLiteral("withdrawn_at"), true),
                text(QStringLiteral("withdrawn_by"), true)});
    ofIncident(QStringLiteral("inbound_questions"), QStringLiteral("inbound_question"),
               {id(), ref(incidentRef, QStringLiteral("incident")), text(QStringLiteral("channel")),
                text(QStringLiteral("asked_by")), text(QStringLiteral("question")), time(QStringLiteral("received_at")),
                text(QStringLiteral("logged_by")), text(QStringLiteral("answer")),
                time(QStringLiteral("answered_at"), true), text(QStringLiteral("answered_by"), true)});
    list << Section{QStringLiteral("postmortem"),
                    QStringLiteral("postmortem"),
                    Scope::OfIncident,
                    {id(), ref(QStringLiteral("incident_id"), QStringLiteral("incident")),
                     text(QStringLiteral("owner")), time(QStringLiteral("due_at")), time(QStringLiteral("assigned_at")),
                     text(QStringLiteral("assigned_by"))},
                    ByIncident,
                    QStringLiteral("id"),
                    {}};
    return list;
}

} // namespace

const Field *Section::field(const QString &fieldName) const
{
    for (const Field &f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

const Field *Section::idField() const
{
    for (const Field &f : fields) {
        if (f.type == FieldType::Id)
            return &f;
    }
    return nullptr;
}

const QList<Section> &sections()
{
    static const QList<Section> list = buildSections();
    return list;
}

const Section *section(const QString &name)
{
    for (const Section &s : sections()) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QStringList excludedTables()
{
    return {
        QStringLiteral("change_log"),      // how windows learn of commits: local to one database
        QStringLiteral("entry_delivery"),  // which outbox entries a server has: local to one server
        QStringLiteral("sqlite_sequence"), // SQLite's own bookkeeping
    };
}

} // namespace IncidentFormat

const DocumentSection *IncidentDocument::section(const QString &name) const
{
    for (const DocumentSection &s : sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

DocumentSection *IncidentDocument::section(const QString &name)
{
    for (DocumentSection &s : sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace cp
