// The roster of people and the directory of departments.
#include "rosterrepository.h"

#include "domain/domainrules.h"
#include "server/serverschema.h"

#include "bulkstatement.h"
#include "storevalues.h"
#include "writetransaction.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString InsertPersonValuesSql = QStringLiteral("INSERT INTO person (name, handle, team, department_key, "
                                                     "contact, trained_roles, trainee) VALUES (?, ?, ?, ?, ?, ?, ?)");
const QString InsertPersonSql = InsertPersonValuesSql + QStringLiteral(" RETURNING id");
const QString PersonColumns = QStringLiteral("id, name, handle, team, department_key, contact, trained_roles, trainee");

Person readPerson(const QSqlQuery &q)
{
    Person p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.handle = q.value(2).toString();
    p.team = q.value(3).toString();
    p.departmentKey = q.value(4).toString();
    p.contact = q.value(5).toString();
    p.trainedRoles = splitWords(q.value(6).toString());
    p.trainee = q.value(7).toInt() != 0;
    return p;
}

QString personProblem(const Person &p)
{
    if (p.name.trimmed().isEmpty())
        return RosterRepository::tr("a person needs a name");
    return DomainRules::handleProblem(p.handle.trimmed());
}

QString departmentProblem(const Department &d)
{
    static const QRegularExpression key(QStringLiteral("^[a-z0-9][a-z0-9-]{0,47}$"));
    if (!key.match(d.key).hasMatch())
        return RosterRepository::tr("the department key “%1” must be lower-case letters, digits or dashes").arg(d.key);
    if (d.name.trimmed().isEmpty())
        return RosterRepository::tr("a department needs a name");
    return {};
}

// The values of a person's row (INSERT and UPDATE order), into 'values' (its seven slots reused).
void setPersonValues(QVariantList &values, const Person &p)
{
    values.resize(7);
    values[0] = p.name.trimmed();
    values[1] = p.handle.trimmed();
    values[2] = nonNull(p.team.trimmed());
    values[3] = nonNull(p.departmentKey.trimmed());
    values[4] = nonNull(p.contact.trimmed());
    values[5] = joinWords(p.trainedRoles);
    values[6] = p.trainee ? 1 : 0;
}

QVariantList personValues(const Person &p)
{
    QVariantList values;
    setPersonValues(values, p);
    return values;
}

QVariantList departmentValues(const Department &d)
{
    return {d.name.trimmed(), nonNull(d.primaryContact.trimmed()), nonNull(d.onCallRotation.trimmed()),
            nonNull(d.escalationPath.trimmed())};
}

// SQLite's lower(): ASCII letters only.
QString asciiLower(QString text)
{
    for (QChar &c : text)
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    return text;
}

} // namespace

RosterRepository::RosterRepository(StoreSession &session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(&m_session, &StoreSession::changed, this, &RosterRepository::announce);
}

void RosterRepository::announce(const StoreChange &c)
{
    if (c.entity == StoreEntity::Person && c.op == ChangeOp::Reload)
        emit peopleReloaded();
    else if (c.entity == StoreEntity::Person)
        emit personChanged(c.entityId);
    else if (c.entity == StoreEntity::Department)
        emit departmentChanged(c.entityId);
}

Result<qint64> RosterRepository::addPerson(const Person &person, const QString &serverLogin)
{
    if (const QString problem = personProblem(person); !problem.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("Adding %1: %2").arg(person.name, problem));
    if (!serverLogin.isEmpty() && !m_session.isServer())
        return StoreError(StoreError::Code::Invalid, tr("Logins belong to a team server; this is a file."));
    return m_session.write(tr("Adding %1 to the roster").arg(person.name), [&](WriteTransaction &tx) -> Result<qint64> {
        auto taken = tx.exec(QStringLiteral("SELECT name FROM person WHERE lower(handle) = lower(?)"),
                             {person.handle.trimmed()});
        if (!taken)
            return taken.error();
        if (taken->next())
            return StoreError(
                StoreError::Code::Invalid,
                tr("The handle “%1” already belongs to %2.").arg(person.handle, taken->value(0).toString()));
        taken->finish();
        auto inserted = tx.insert(InsertPersonSql, personValues(person));
        if (!inserted)
            return inserted.error();
        const qint64 id = *inserted;
        if (!serverLogin.isEmpty()) {
            if (StoreError error = linkLoginInTx(tx, serverLogin, id); !error.ok())
                return error;
        }
        if (StoreError error = m_session.logChange(tx, StoreEntity::Person, id, 0, ChangeOp::Insert); !error.ok())
            return error;
        return id;
    });
}

StoreError RosterRepository::linkLogin(const QString &serverLogin, qint64 personId)
{
    if (!m_session.isServer())
        return {StoreError::Code::Invalid, tr("Logins belong to a team server; this is a file.")};
    return m_session.write(tr("Linking the login %1 to the roster").arg(serverLogin), [&](WriteTransaction &tx) {
        if (StoreError error = tx.requireRow(QStringLiteral("person"), personId,
                                             tr("There is no person #%1 on the roster.").arg(personId));
            !error.ok())
            return error;
        if (StoreError error = linkLoginInTx(tx, serverLogin, personId); !error.ok())
            return error;
        return m_session.logChange(tx, StoreEntity::Person, personId, 0, ChangeOp::Update);
    });
}

StoreError RosterRepository::linkLoginInTx(WriteTransaction &tx, const QString &serverLogin, qint64 personId)
{
    // Checked on the transaction's own connection, so a typo links and adds nobody.
    QSqlDatabase db = m_session.database();
    if (StoreError error = ServerSchema::requireLogin(db, serverLogin); !error.ok())
        return error;
    return tx.run(ServerSchema::linkLoginStatement(), {serverLogin, personId});
}

StoreError RosterRepository::updatePerson(const Person &person)
{
    if (const QString problem = personProblem(person); !problem.isEmpty())
        return {StoreError::Code::Invalid, tr("Updating %1: %2").arg(person.name, problem)};
    return m_session.write(tr("Updating %1").arg(person.name), [&](WriteTransaction &tx) -> StoreError {
        auto taken = tx.exec(QStringLiteral("SELECT id FROM person WHERE lower(handle) = lower(?) AND id <> ?"),
                             {person.handle.trimmed(), person.id});
        if (!taken)
            return taken.error();
        if (taken->next())
            return {StoreError::Code::Invalid,
                    tr("The handle “%1” already belongs to someone else.").arg(person.handle)};
        taken->finish();
        QVariantList values = personValues(person);
        values << person.id;
        if (StoreError error = tx.requireRow(QStringLiteral("person"), person.id,
                                             tr("There is no person #%1 on the roster.").arg(person.id));
            !error.ok())
            return error;
        if (StoreError error =
                tx.run(QStringLiteral("UPDATE person SET name = ?, handle = ?, team = ?, department_key = ?, "
                                      "contact = ?, trained_roles = ?, trainee = ? WHERE id = ?"),
                       values);
            !error.ok())
            return error;
        return m_session.logChange(tx, StoreEntity::Person, person.id, 0, ChangeOp::Update);
    });
}

Result<qint64> RosterRepository::saveDepartment(const Department &department)
{
    auto changed = importRoster({department}, {});
    if (!changed)
        return changed.error();
    auto all = departments();
    if (!all)
        return all.error();
    for (const Department &d : *all) {
        if (d.key == department.key)
            return d.id;
    }
    return StoreError(StoreError::Code::Internal, tr("The department was saved but cannot be found."));
}

Result<int> RosterRepository::importRoster(const QList<Department> &departments, const QList<Person> &people)
{
    // Everything is checked before anything is written.
    QSet<QString> keys;
    for (int i = 0; i < departments.size(); ++i) {
        if (const QString problem = departmentProblem(departments.at(i)); !problem.isEmpty())
            return StoreError(StoreError::Code::Invalid, tr("Department %1: %2").arg(i + 1).arg(problem));
        if (keys.contains(departments.at(i).key))
            return StoreError(StoreError::Code::Invalid,
                              tr("Department %1: the key “%2” appears twice").arg(i + 1).arg(departments.at(i).key));
        keys.insert(departments.at(i).key);
    }
    // Each row's key is made before the write lock is taken. A valid handle is ASCII, so its key
    // is the same in SQLite's lower().
    QSet<QString> handles;
    handles.reserve(people.size());
    QStringList personKeys;
    personKeys.reserve(people.size());
    for (int i = 0; i < people.size(); ++i) {
        const Person &p = people.at(i);
        if (const QString problem = personProblem(p); !problem.isEmpty())
            return StoreError(StoreError::Code::Invalid, tr("Person %1: %2").arg(i + 1).arg(problem));
        const QString key = asciiLower(p.handle.trimmed());
        const qsizetype before = handles.size();
        handles.insert(key);
        if (handles.size() == before)
            return StoreError(StoreError::Code::Invalid,
                              tr("Person %1: the handle “%2” appears twice").arg(i + 1).arg(p.handle));
        personKeys.append(key); // shares the text with the set's copy
    }
    // Past BulkThreshold people the change log gets one "reload the roster" row instead of a row
    // each: every reader reloads it once rather than patching it person by person.
    const bool bulk = people.size() > StoreSession::BulkThreshold;

    // One short transaction: the existing keys are read once, each statement is prepared once and
    // run per row (a lookup per row made a 100,000-row import hold the write lock for minutes).
    return m_session.write(tr("Importing the roster"), [&](WriteTransaction &tx) -> Result<int> {
        auto existingIds = [&tx](const QString &sql) -> Result<QHash<QString, qint64>> {
            auto found = tx.exec(sql);
            if (!found)
                return found.error();
            QHash<QString, qint64> ids;
            while (found->next())
                ids.insert(found->value(1).toString(), found->value(0).toLongLong());
            found->finish();
            return ids;
        };
        auto departmentIds = existingIds(QStringLiteral("SELECT id, key FROM department"));
        if (!departmentIds)
            return departmentIds.error();
        // lower() as SQLite has it (ASCII only), the same on both sides of the comparison.
        auto personIds = existingIds(QStringLiteral("SELECT id, lower(handle) FROM person"));
        if (!personIds)
            return personIds.error();

        BulkStatement insertDepartment(tx, QStringLiteral("INSERT INTO department (key, name, primary_contact, "
                                                      "oncall_rotation, escalation_path) VALUES (?, ?, ?, ?, ?) "
                                                      "RETURNING id"));
        BulkStatement updateDepartment(tx, QStringLiteral("UPDATE department SET name = ?, primary_contact = ?, "
                                                      "oncall_rotation = ?, escalation_path = ? WHERE id = ?"));
        // A bulk import logs no row per person, so it needs no new ids back (RETURNING makes SQLite
        // collect each row's answer before it hands it out: a fifth of the statements' time).
        BulkStatement insertPerson(tx, bulk ? InsertPersonValuesSql : InsertPersonSql);
        BulkStatement updatePerson(tx, QStringLiteral("UPDATE person SET name = ?, handle = ?, team = ?, department_key = ?, "
                           "contact = ?, trained_roles = ?, trainee = ? WHERE id = ?"));
        BulkStatement change(tx, QStringLiteral("INSERT INTO change_log (entity, entity_id, incident_id, op) "
                                            "VALUES (?, ?, 0, ?)"));
        // Inserts a row or updates the one with the same key; logs the change when 'logged'.
        auto upsert = [&change](const QHash<QString, qint64> &ids, const QString &key, StoreEntity entity, bool logged,
                                BulkStatement &insert, const QVariantList &insertValues, BulkStatement &update,
                                QVariantList updateValues) -> StoreError {
            // The keys of the import are unique (checked above), so a row inserted here is never
            // looked up again.
            qint64 id = ids.value(key, 0);
            if (id == 0 && !logged)
                return insert.run(insertValues);
            if (id == 0) {
                auto inserted = insert.insert(insertValues);
                if (!inserted)
                    return inserted.error();
                id = *inserted;
            } else {
                updateValues << id;
                if (StoreError error = update.run(updateValues); !error.ok())
                    return error;
            }
            if (!logged)
                return {};
            return change.run({StoreChangeKeys::entityKey(entity), id, StoreChangeKeys::opKey(ChangeOp::Update)});
        };
        int changed = 0;
        for (const Department &d : departments) {
            QVariantList insertValues{d.key};
            insertValues << departmentValues(d);
            if (StoreError error = upsert(*departmentIds, d.key, StoreEntity::Department, true, insertDepartment,
                                          insertValues, updateDepartment, departmentValues(d));
                !error.ok())
                return error;
            ++changed;
        }
        // One list of values, refilled row by row: a list per person held 300 bytes each
        // (30 MB for 100,000 people) for as long as the import ran.
        QVariantList values;
        for (int i = 0; i < people.size(); ++i) {
            setPersonValues(values, people.at(i));
            if (StoreError error = upsert(*personIds, personKeys.at(i), StoreEntity::Person, !bulk, insertPerson,
                                          values, updatePerson, values);
                !error.ok())
                return error;
            ++changed;
        }
        if (bulk) {
            if (StoreError error = change.run({StoreChangeKeys::entityKey(StoreEntity::Person), qint64(0),
                                               StoreChangeKeys::opKey(ChangeOp::Reload)});
                !error.ok())
                return error;
        }
        return changed;
    });
}

Result<QList<Person>> RosterRepository::people() const
{
    return m_session.readAll(QStringLiteral("SELECT %1 FROM person ORDER BY name, id").arg(PersonColumns), {},
                             tr("Reading the roster"), readPerson);
}

Result<Person> RosterRepository::person(qint64 personId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 FROM person WHERE id = ?").arg(PersonColumns), {personId},
                             tr("Reading the roster"), tr("There is no person #%1 on the roster.").arg(personId),
                             readPerson);
}

Result<Person> RosterRepository::findPerson(const QString &handleOrName) const
{
    auto all = people();
    if (!all)
        return all.error();
    const QString wanted = handleOrName.trimmed();
    for (const Person &p : *all) {
        if (p.handle.compare(wanted, Qt::CaseInsensitive) == 0)
            return p;
    }
    for (const Person &p : *all) {
        if (p.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return p;
    }
    QList<Person> starts;
    for (const Person &p : *all) {
        if (!wanted.isEmpty() &&
            (p.handle.startsWith(wanted, Qt::CaseInsensitive) || p.name.startsWith(wanted, Qt::CaseInsensitive)))
            starts << p;
    }
    if (starts.size() == 1)
        return starts.first();
    if (starts.size() > 1) {
        QStringList names;
        for (const Person &p : std::as_const(starts))
            names << p.handle;
        return StoreError(StoreError::Code::Invalid,
                          tr("“%1” could be any of %2; use the handle.").arg(wanted, names.join(QStringLiteral(", "))));
    }
    return StoreError(StoreError::Code::NotFound, tr("Nobody called “%1” is on the roster.").arg(wanted));
}

Result<QList<Department>> RosterRepository::departments() const
{
    return m_session.readAll(QStringLiteral("SELECT id, key, name, primary_contact, oncall_rotation, escalation_path "
                                            "FROM department ORDER BY name, id"),
                             {}, tr("Reading the directory"), [](const QSqlQuery &q) {
                                 return Department{q.value(0).toLongLong(), q.value(1).toString(),
                                                   q.value(2).toString(),   q.value(3).toString(),
                                                   q.value(4).toString(),   q.value(5).toString()};
                             });
}

Result<Person> RosterRepository::personInTx(WriteTransaction &tx, qint64 personId)
{
    auto q = tx.exec(QStringLiteral("SELECT name, handle FROM person WHERE id = ?"), {personId});
    if (!q)
        return q.error();
    if (!q->next())
        return StoreError(StoreError::Code::NotFound, tr("There is no person #%1 on the roster.").arg(personId));
    Person p;
    p.id = personId;
    p.name = q->value(0).toString();
    p.handle = q->value(1).toString();
    return p;
}

} // namespace cp
