// Roles, assignments and duties; each change is a role entry on the timeline.
#include "rolerepository.h"

#include "rosterrepository.h"
#include "storevalues.h"
#include "timelinerepository.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString RoleColumns =
    QStringLiteral("id, incident_id, role_key, title, short_name, group_name, parent_key, staff, "
                   "multiple, required, description, sub_team, position");
const QString DeputyKey = QStringLiteral("deputy");

IncidentRole readRole(const QSqlQuery &q)
{
    IncidentRole r;
    r.id = q.value(0).toLongLong();
    r.incidentId = q.value(1).toLongLong();
    r.definition.key = q.value(2).toString();
    r.definition.title = q.value(3).toString();
    r.definition.shortName = q.value(4).toString();
    r.definition.group = q.value(5).toString();
    r.definition.parentKey = q.value(6).toString();
    r.definition.staff = q.value(7).toInt() != 0;
    r.definition.multipleHolders = q.value(8).toInt() != 0;
    r.definition.required = q.value(9).toInt() != 0;
    r.definition.description = q.value(10).toString();
    r.subTeam = q.value(11).toString();
    r.position = q.value(12).toInt();
    return r;
}

// Current holders of the given roles, longest-serving first.
QString holdersSql(const QString &where)
{
    return QStringLiteral("SELECT a.role_id, a.id, p.id, p.name, p.handle, a.started_at FROM assignment a "
                          "JOIN person p ON p.id = a.person_id WHERE a.ended_at IS NULL AND %1 "
                          "ORDER BY a.started_at, a.id")
        .arg(where);
}

RoleHolder readHolder(const QSqlQuery &q)
{
    return {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toString(),
            fromMs(q.value(5))};
}

// Roles in hierarchy order (parents before children, siblings by position), whatever order
// they were added in.
QList<IncidentRole> inHierarchyOrder(const QList<IncidentRole> &roles)
{
    QList<IncidentRole> ordered;
    QSet<QString> placed;
    QSet<QString> keys;
    for (const IncidentRole &r : roles)
        keys.insert(r.definition.key);
    std::function<void(const QString &)> visit = [&](const QString &parent) {
        for (const IncidentRole &r : roles) {
            const QString p = keys.contains(r.definition.parentKey) ? r.definition.parentKey : QString();
            if (p == parent && !placed.contains(r.definition.key)) {
                placed.insert(r.definition.key);
                ordered << r;
                visit(r.definition.key);
            }
        }
    };
    visit(QString());
    return ordered;
}

} // namespace

RoleRepository::RoleRepository(StoreSession &session, TimelineRepository &timeline, RosterRepository &roster,
                               QObject *parent)
    : QObject(parent), m_session(session), m_timeline(timeline), m_roster(roster)
{
    connect(&m_session, &StoreSession::changed, this, &RoleRepository::announce);
}

void RoleRepository::announce(const StoreChange &c)
{
    if (c.entity == StoreEntity::Role)
        emit roleChanged(c.incidentId, c.entityId);
}

Result<IncidentRole> RoleRepository::roleInTx(WriteTransaction &tx, qint64 incidentId, const QString &roleKey)
{
    auto q =
        tx.exec(QStringLiteral("SELECT %1 FROM incident_role WHERE incident_id = ? AND role_key = ?").arg(RoleColumns),
                {incidentId, roleKey});
    if (!q)
        return q.error();
    if (!q->next())
        return StoreError(StoreError::Code::NotFound,
                          tr("Incident #%1 has no role “%2”.").arg(incidentId).arg(roleKey));
    IncidentRole role = readRole(*q);
    q->finish();
    auto holders = tx.exec(holdersSql(QStringLiteral("a.role_id = ?")), {role.id});
    if (!holders)
        return holders.error();
    while (holders->next())
        role.holders << readHolder(*holders);
    return role;
}

Result<qint64> RoleRepository::insertRole(WriteTransaction &tx, qint64 incidentId, const RoleDefinition &role,
                                          const QString &subTeam, int position)
{
    auto inserted = tx.insert(
        QStringLiteral("INSERT INTO incident_role (incident_id, role_key, title, short_name, group_name, parent_key, "
                       "staff, multiple, required, description, sub_team, position) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {incidentId, role.key, role.title.trimmed(), nonNull(role.shortName.isEmpty() ? role.title : role.shortName),
         nonNull(role.group), nonNull(role.parentKey), role.staff ? 1 : 0, role.multipleHolders ? 1 : 0,
         role.required ? 1 : 0, nonNull(role.description), nonNull(subTeam), position});
    if (!inserted)
        return inserted.error();
    const qint64 roleId = *inserted;
    for (int i = 0; i < role.responsibilities.size(); ++i) {
        if (StoreError error =
                tx.run(QStringLiteral("INSERT INTO role_duty (role_id, position, body) VALUES (?, ?, ?)"),
                       {roleId, i, role.responsibilities.at(i)});
            !error.ok())
            return error;
    }
    if (StoreError error = m_session.logChange(tx, StoreEntity::Role, roleId, incidentId, ChangeOp::Insert);
        !error.ok())
        return error;
    return roleId;
}

StoreError RoleRepository::applyTemplateInTx(WriteTransaction &tx, qint64 incidentId, const RoleTemplate &roles,
                                             const QString &linkUnderRoleKey, const QString &author)
{
    if (const QString problem = RoleTemplateFormat::validate(roles); !problem.isEmpty())
        return {StoreError::Code::Invalid, tr("The role template is not valid: %1").arg(problem)};
    auto existing =
        tx.exec(QStringLiteral("SELECT role_key, position FROM incident_role WHERE incident_id = ?"), {incidentId});
    if (!existing)
        return existing.error();
    QSet<QString> have;
    int position = 0;
    while (existing->next()) {
        have.insert(existing->value(0).toString());
        position = qMax(position, existing->value(1).toInt() + 1);
    }
    existing->finish();
    if (!linkUnderRoleKey.isEmpty() && !have.contains(linkUnderRoleKey))
        return {StoreError::Code::NotFound, tr("Incident #%1 has no role “%2”.").arg(incidentId).arg(linkUnderRoleKey)};

    int added = 0;
    for (RoleDefinition role : roles.roles) {
        if (have.contains(role.key))
            continue;
        if (role.parentKey.isEmpty())
            role.parentKey = linkUnderRoleKey;
        auto id = insertRole(tx, incidentId, role, QString(), position++);
        if (!id)
            return id.error();
        ++added;
    }
    if (added == 0)
        return {};
    const QString text = linkUnderRoleKey.isEmpty()
                             ? tr("Role structure: %1 (%n role(s))", nullptr, added).arg(roles.name)
                             : tr("Added %1 under %2 (%n role(s))", nullptr, added).arg(roles.name, linkUnderRoleKey);
    return m_timeline.log(tx, incidentId, EntryKind::Role, text, false, {}, author);
}

StoreError RoleRepository::applyTemplate(qint64 incidentId, const RoleTemplate &roles, const QString &linkUnderRoleKey,
                                         const QString &author)
{
    return m_session.write(tr("Adding the roles of %1").arg(roles.name), [&](WriteTransaction &tx) -> StoreError {
        if (StoreError error =
                tx.requireRow(QStringLiteral("incident"), incidentId, tr("There is no incident #%1.").arg(incidentId));
            !error.ok())
            return error;
        return applyTemplateInTx(tx, incidentId, roles, linkUnderRoleKey, author);
    });
}

Result<qint64> RoleRepository::add(qint64 incidentId, const RoleDefinition &role, const QString &author)
{
    RoleTemplate single;
    single.key = QStringLiteral("adhoc");
    single.name = role.title;
    single.roles = {role};
    single.roles.first().parentKey.clear(); // validated alone; the parent is checked below
    if (const QString problem = RoleTemplateFormat::validate(single); !problem.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("The role is not valid: %1").arg(problem));
    return m_session.write(tr("Adding the role %1").arg(role.title), [&](WriteTransaction &tx) -> Result<qint64> {
        if (!role.parentKey.isEmpty()) {
            if (auto parent = roleInTx(tx, incidentId, role.parentKey); !parent)
                return parent.error();
        }
        if (auto clash = roleInTx(tx, incidentId, role.key); clash)
            return StoreError(StoreError::Code::Invalid,
                              tr("Incident #%1 already has a role “%2”.").arg(incidentId).arg(role.key));
        auto position =
            tx.exec(QStringLiteral("SELECT COALESCE(MAX(position), -1) + 1 FROM incident_role WHERE incident_id = ?"),
                    {incidentId});
        if (!position)
            return position.error();
        position->next();
        const int at = position->value(0).toInt();
        position->finish();
        auto id = insertRole(tx, incidentId, role, QString(), at);
        if (!id)
            return id;
        if (StoreError error = m_timeline.log(tx, incidentId, EntryKind::Role, tr("Role added: %1").arg(role.title),
                                              false, {}, author);
            !error.ok())
            return error;
        return id;
    });
}

StoreError RoleRepository::addSubTeam(qint64 incidentId, const QString &name, const QString &author)
{
    const QString teamName = name.trimmed();
    QString key = teamName.toLower();
    key.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    key.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    if (key.isEmpty())
        return {StoreError::Code::Invalid, tr("A sub-team needs a name (Alpha, Bravo, Charlie …).")};

    return m_session.write(tr("Forming sub-team %1").arg(teamName), [&](WriteTransaction &tx) -> StoreError {
        auto all = tx.exec(
            QStringLiteral("SELECT %1 FROM incident_role WHERE incident_id = ? ORDER BY position").arg(RoleColumns),
            {incidentId});
        if (!all)
            return all.error();
        QString commandKey;
        int position = 0;
        QSet<QString> keys;
        while (all->next()) {
            const IncidentRole r = readRole(*all);
            keys.insert(r.definition.key);
            if (commandKey.isEmpty() && r.definition.parentKey.isEmpty())
                commandKey = r.definition.key;
            position = qMax(position, r.position + 1);
        }
        all->finish();
        if (commandKey.isEmpty())
            return {StoreError::Code::Invalid,
                    tr("Incident #%1 has no command role to lead sub-teams.").arg(incidentId)};
        const QString leadKey = key + QStringLiteral("-lead");
        if (keys.contains(leadKey))
            return {StoreError::Code::Invalid, tr("Sub-team %1 already exists.").arg(teamName)};

        // Team leads take the SMEs' place under the commander; the members report to their lead.
        RoleDefinition lead;
        lead.key = leadKey;
        lead.title = tr("%1 Team Lead").arg(teamName);
        lead.shortName = tr("%1 Lead").arg(teamName);
        lead.group = tr("Sub-teams");
        lead.parentKey = commandKey;
        lead.required = true;
        lead.description =
            tr("Leads sub-team %1 on its own problem, time-boxed, and reports to the commander.").arg(teamName);
        lead.responsibilities = {tr("Agree the team's task and time-box with the commander"),
                                 tr("Report back before the time-box ends"), tr("Keep the members' work coordinated")};
        RoleDefinition members;
        members.key = key + QStringLiteral("-member");
        members.title = tr("%1 Team Member").arg(teamName);
        members.shortName = teamName;
        members.group = tr("Sub-teams");
        members.parentKey = leadKey;
        members.multipleHolders = true;
        members.description = tr("Works on sub-team %1's task and reports to its lead.").arg(teamName);
        for (const RoleDefinition &role : {lead, members}) {
            if (auto id = insertRole(tx, incidentId, role, teamName, position++); !id)
                return id.error();
        }
        return m_timeline.log(tx, incidentId, EntryKind::Role, tr("Sub-team %1 formed").arg(teamName), true, {},
                              author);
    });
}

Result<qint64> RoleRepository::startAssignment(WriteTransaction &tx, const IncidentRole &role, const Person &person,
                                               const QString &author)
{
    auto inserted =
        tx.insert(QStringLiteral("INSERT INTO assignment (incident_id, role_id, person_id, started_at, started_by) "
                                 "VALUES (?, ?, ?, ?, ?) RETURNING id"),
                  {role.incidentId, role.id, person.id, toMs(m_session.clock().nowUtc()), author});
    if (!inserted)
        return inserted.error();
    const qint64 id = *inserted;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Role, role.id, role.incidentId, ChangeOp::Update);
        !error.ok())
        return error;
    return id;
}

StoreError RoleRepository::endAssignment(WriteTransaction &tx, const IncidentRole &role, const RoleHolder &holder,
                                         const QString &reason, const QString &author)
{
    if (StoreError error = tx.run(QStringLiteral("UPDATE assignment SET ended_at = ?, ended_by = ?, end_reason = ? "
                                                 "WHERE id = ? AND ended_at IS NULL"),
                                  {toMs(m_session.clock().nowUtc()), author, reason, holder.assignmentId});
        !error.ok())
        return error;
    return m_session.logChange(tx, StoreEntity::Role, role.id, role.incidentId, ChangeOp::Update);
}

Result<qint64> RoleRepository::assign(qint64 incidentId, const QString &roleKey, qint64 personId, const QString &author)
{
    return m_session.write(tr("Assigning the role"), [&](WriteTransaction &tx) -> Result<qint64> {
        auto role = roleInTx(tx, incidentId, roleKey);
        if (!role)
            return role.error();
        auto person = m_roster.personInTx(tx, personId);
        if (!person)
            return person.error();
        for (const RoleHolder &h : role->holders) {
            if (h.personId == personId)
                return StoreError(StoreError::Code::Invalid,
                                  tr("%1 already holds %2.").arg(person->name, role->definition.title));
        }
        if (!role->definition.multipleHolders && !role->holders.isEmpty()) {
            // Said as what happened: on a team server the other laptop may have been a moment faster.
            const RoleHolder &holder = role->holders.first();
            const qint64 secondsAgo = qMax<qint64>(0, holder.since.secsTo(m_session.clock().nowUtc()));
            const QString ago = secondsAgo == 0 ? tr("less than a second") : tr("%1 s").arg(secondsAgo);
            return StoreError(
                StoreError::Code::Invalid,
                tr("%1 took %2 %3 ago; hand it over instead.").arg(holder.name, role->definition.title, ago));
        }
        auto id = startAssignment(tx, *role, *person, author);
        if (!id)
            return id;
        const bool command = role->definition.parentKey.isEmpty();
        if (StoreError error =
                m_timeline.log(tx, incidentId, EntryKind::Role,
                               tr("%1 is %2").arg(person->name, role->definition.title), command, {}, author);
            !error.ok())
            return error;
        return id;
    });
}

StoreError RoleRepository::handOver(qint64 incidentId, const QString &roleKey, qint64 fromPersonId, qint64 toPersonId,
                                    const QString &author)
{
    return m_session.write(tr("Handing over the role"), [&](WriteTransaction &tx) -> StoreError {
        auto role = roleInTx(tx, incidentId, roleKey);
        if (!role)
            return role.error();
        if (role->holders.isEmpty())
            return {StoreError::Code::Invalid, tr("%1 is vacant; assign it instead.").arg(role->definition.title)};
        const RoleHolder *from = nullptr;
        for (const RoleHolder &h : role->holders) {
            if (fromPersonId == 0 ? role->holders.size() == 1 : h.personId == fromPersonId)
                from = &h;
        }
        if (!from)
            return {StoreError::Code::Invalid,
                    fromPersonId == 0
                        ? tr("%1 has several holders; say whose place is handed over.").arg(role->definition.title)
                        : tr("That person does not hold %1.").arg(role->definition.title)};
        auto to = m_roster.personInTx(tx, toPersonId);
        if (!to)
            return to.error();
        for (const RoleHolder &h : role->holders) {
            if (h.personId == toPersonId)
                return {StoreError::Code::Invalid, tr("%1 already holds %2.").arg(to->name, role->definition.title)};
        }
        const QString fromName = from->name;
        if (StoreError error = endAssignment(tx, *role, *from, QStringLiteral("handed-over"), author); !error.ok())
            return error;
        if (auto started = startAssignment(tx, *role, *to, author); !started)
            return started.error();
        return m_timeline.log(tx, incidentId, EntryKind::Role,
                              tr("%1 handed over: %2 → %3").arg(role->definition.title, fromName, to->name), true, {},
                              author);
    });
}

StoreError RoleRepository::release(qint64 incidentId, const QString &roleKey, qint64 personId, const QString &author)
{
    return m_session.write(tr("Releasing the role"), [&](WriteTransaction &tx) -> StoreError {
        auto role = roleInTx(tx, incidentId, roleKey);
        if (!role)
            return role.error();
        for (const RoleHolder &h : role->holders) {
            if (h.personId != personId)
                continue;
            if (StoreError error = endAssignment(tx, *role, h, QStringLiteral("released"), author); !error.ok())
                return error;
            QString text = tr("%1 released from %2").arg(h.name, role->definition.title);
            if (role->definition.required && role->holders.size() == 1)
                text += tr(" — the role is now vacant");
            return m_timeline.log(tx, incidentId, EntryKind::Role, text, role->definition.parentKey.isEmpty(), {},
                                  author);
        }
        return {StoreError::Code::Invalid, tr("That person does not hold %1.").arg(role->definition.title)};
    });
}

StoreError RoleRepository::takeCommand(qint64 incidentId, bool outgoingBecomesDeputy, const QString &author)
{
    return m_session.write(tr("Taking command"), [&](WriteTransaction &tx) -> StoreError {
        auto command =
            tx.exec(QStringLiteral("SELECT role_key FROM incident_role WHERE incident_id = ? AND parent_key = '' "
                                   "ORDER BY position LIMIT 1"),
                    {incidentId});
        if (!command)
            return command.error();
        if (!command->next())
            return {StoreError::Code::Invalid, tr("Incident #%1 has no command role.").arg(incidentId)};
        const QString commandKey = command->value(0).toString();
        command->finish();
        auto commander = roleInTx(tx, incidentId, commandKey);
        if (!commander)
            return commander.error();
        auto deputy = roleInTx(tx, incidentId, DeputyKey);
        if (!deputy)
            return {StoreError::Code::Invalid, tr("This incident has no Deputy role to take command from.")};
        if (deputy->holders.isEmpty())
            return {StoreError::Code::Invalid, tr("The Deputy role is vacant; nobody can take command.")};
        const RoleHolder incoming = deputy->holders.first();

        if (StoreError error = endAssignment(tx, *deputy, incoming, QStringLiteral("handed-over"), author); !error.ok())
            return error;
        QString outgoingName;
        for (const RoleHolder &h : commander->holders) {
            outgoingName = h.name;
            if (StoreError error = endAssignment(tx, *commander, h, QStringLiteral("handed-over"), author); !error.ok())
                return error;
            if (outgoingBecomesDeputy) {
                Person p;
                p.id = h.personId;
                p.name = h.name;
                if (auto started = startAssignment(tx, *deputy, p, author); !started)
                    return started.error();
            }
        }
        Person p;
        p.id = incoming.personId;
        p.name = incoming.name;
        if (auto started = startAssignment(tx, *commander, p, author); !started)
            return started.error();
        const QString text =
            outgoingName.isEmpty() ? tr("%1 takes command as %2").arg(incoming.name, commander->definition.title)
            : outgoingBecomesDeputy
                ? tr("%1 takes command as %2; %3 becomes Deputy")
                      .arg(incoming.name, commander->definition.title, outgoingName)
                : tr("%1 takes command as %2 from %3").arg(incoming.name, commander->definition.title, outgoingName);
        return m_timeline.log(tx, incidentId, EntryKind::Role, text, true, {}, author);
    });
}

StoreError RoleRepository::setDutyDone(qint64 dutyId, bool done, const QString &author)
{
    return m_session.write(tr("Ticking the checklist"), [&](WriteTransaction &tx) -> StoreError {
        auto duty = tx.exec(QStringLiteral("SELECT d.body, d.done_at, r.id, r.incident_id, r.title FROM role_duty d "
                                           "JOIN incident_role r ON r.id = d.role_id WHERE d.id = ?"),
                            {dutyId});
        if (!duty)
            return duty.error();
        if (!duty->next())
            return {StoreError::Code::NotFound, tr("There is no checklist item #%1.").arg(dutyId)};
        const QString body = duty->value(0).toString();
        const bool wasDone = !duty->value(1).isNull();
        const qint64 roleId = duty->value(2).toLongLong();
        const qint64 incidentId = duty->value(3).toLongLong();
        const QString roleTitle = duty->value(4).toString();
        duty->finish();
        if (wasDone == done)
            return {};
        const QVariant doneAt = done ? QVariant(toMs(m_session.clock().nowUtc())) : QVariant();
        const QVariant doneBy = done ? QVariant(author) : QVariant();
        if (StoreError error = tx.run(QStringLiteral("UPDATE role_duty SET done_at = ?, done_by = ? WHERE id = ?"),
                                      {doneAt, doneBy, dutyId});
            !error.ok())
            return error;
        if (StoreError error = m_session.logChange(tx, StoreEntity::Role, roleId, incidentId, ChangeOp::Update);
            !error.ok())
            return error;
        const QString text =
            done ? tr("%1: done — %2").arg(roleTitle, body) : tr("%1: not done after all — %2").arg(roleTitle, body);
        return m_timeline.log(tx, incidentId, EntryKind::Role, text, false, {}, author);
    });
}

Result<QList<IncidentRole>> RoleRepository::list(qint64 incidentId) const
{
    auto roles = m_session.readAll(
        QStringLiteral("SELECT %1 FROM incident_role WHERE incident_id = ? ORDER BY position, id").arg(RoleColumns),
        {incidentId}, tr("Reading the roles"), readRole);
    if (!roles)
        return roles.error();
    QList<IncidentRole> &list = *roles;
    QHash<qint64, int> index;
    for (qsizetype i = 0; i < list.size(); ++i)
        index.insert(list.at(i).id, int(i));
    auto holders = m_session.read(holdersSql(QStringLiteral("a.incident_id = ?")), {incidentId},
                                  tr("Reading who holds which role"));
    if (!holders)
        return holders.error();
    while (holders->next()) {
        const auto it = index.constFind(holders->value(0).toLongLong());
        if (it != index.constEnd())
            list[*it].holders << readHolder(*holders);
    }
    auto duties =
        m_session.read(QStringLiteral("SELECT d.role_id, d.body FROM role_duty d JOIN incident_role r "
                                      "ON r.id = d.role_id WHERE r.incident_id = ? ORDER BY d.role_id, d.position"),
                       {incidentId}, tr("Reading the checklists"));
    if (!duties)
        return duties.error();
    while (duties->next()) {
        const auto it = index.constFind(duties->value(0).toLongLong());
        if (it != index.constEnd())
            list[*it].definition.responsibilities << duties->value(1).toString();
    }
    return inHierarchyOrder(list);
}

Result<IncidentRole> RoleRepository::role(qint64 roleId) const
{
    auto r = m_session.readOne(QStringLiteral("SELECT %1 FROM incident_role WHERE id = ?").arg(RoleColumns), {roleId},
                               tr("Reading the role"), tr("There is no role #%1.").arg(roleId), readRole);
    if (!r)
        return r;
    auto holders =
        m_session.readAll(holdersSql(QStringLiteral("a.role_id = ?")), {roleId}, tr("Reading the role"), readHolder);
    if (!holders)
        return holders.error();
    r->holders = *holders;
    auto duties =
        m_session.readAll(QStringLiteral("SELECT body FROM role_duty WHERE role_id = ? ORDER BY position"), {roleId},
                          tr("Reading the checklist"), [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!duties)
        return duties.error();
    r->definition.responsibilities = *duties;
    return r;
}

Result<QList<Assignment>> RoleRepository::assignmentHistory(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT a.id, a.role_id, r.role_key, r.title, a.person_id, p.name, a.started_at, "
                       "a.started_by, a.ended_at, a.ended_by, a.end_reason FROM assignment a "
                       "JOIN incident_role r ON r.id = a.role_id JOIN person p ON p.id = a.person_id "
                       "WHERE a.incident_id = ? ORDER BY a.started_at, a.id"),
        {incidentId}, tr("Reading the assignment history"), [incidentId](const QSqlQuery &q) {
            Assignment a;
            a.id = q.value(0).toLongLong();
            a.incidentId = incidentId;
            a.roleId = q.value(1).toLongLong();
            a.roleKey = q.value(2).toString();
            a.roleTitle = q.value(3).toString();
            a.personId = q.value(4).toLongLong();
            a.personName = q.value(5).toString();
            a.startedAt = fromMs(q.value(6));
            a.startedBy = q.value(7).toString();
            a.endedAt = fromMs(q.value(8));
            a.endedBy = q.value(9).toString();
            a.endReason = q.value(10).toString();
            return a;
        });
}

Result<QList<RoleDuty>> RoleRepository::duties(qint64 roleId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT id, position, body, done_at, done_by FROM role_duty WHERE role_id = "
                       "? ORDER BY position"),
        {roleId}, tr("Reading the checklist"), [roleId](const QSqlQuery &q) {
            return RoleDuty{q.value(0).toLongLong(), roleId,
                            q.value(1).toInt(),      q.value(2).toString(),
                            fromMs(q.value(3)),      q.value(4).toString()};
        });
}

} // namespace cp
