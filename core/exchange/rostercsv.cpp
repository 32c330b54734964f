#include "rostercsv.h"

#include "csvfield.h"
#include "domain/domainrules.h"

#include "csvreader.h"

#include <QHash>
#include <QRegularExpression>

namespace cp {

namespace {

const QStringList PeopleColumns{
    QStringLiteral("name"),    QStringLiteral("handle"),        QStringLiteral("team"),   QStringLiteral("department"),
    QStringLiteral("contact"), QStringLiteral("trained_roles"), QStringLiteral("trainee")};
const QStringList DepartmentColumns{QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("primary_contact"),
                                    QStringLiteral("oncall_rotation"), QStringLiteral("escalation_path")};

// Maps header names to column positions; checks the header against the known columns.
bool readHeader(const CsvReader::Record &header, const QStringList &known, const QStringList &required,
                QHash<QString, int> *columns, QString *error)
{
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        if (!known.contains(name)) {
            *error = RosterCsv::tr("line %1: unknown column “%2” (expected: %3)")
                         .arg(header.line)
                         .arg(header.fields.at(i), known.join(QStringLiteral(", ")));
            return false;
        }
        if (columns->contains(name)) {
            *error = RosterCsv::tr("line %1: the column “%2” appears twice").arg(header.line).arg(name);
            return false;
        }
        columns->insert(name, i);
    }
    for (const QString &name : required) {
        if (!columns->contains(name)) {
            *error = RosterCsv::tr("line %1: the required column “%2” is missing").arg(header.line).arg(name);
            return false;
        }
    }
    return true;
}

QString field(const CsvReader::Record &r, const QHash<QString, int> &columns, const QString &name)
{
    const int i = columns.value(name, -1);
    return i >= 0 && i < r.fields.size() ? CsvField::read(r.fields.at(i)).trimmed() : QString();
}

// The role keys of a cell, separated by ASCII white space, ';' or '|'.
QStringList roleKeys(const QString &cell)
{
    static const QString separators = QStringLiteral(" \t\n\v\f\r;|");
    QStringList keys;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= cell.size(); ++i) {
        const bool separator = i == cell.size() || separators.contains(cell.at(i));
        if (!separator && start < 0)
            start = i;
        else if (separator && start >= 0) {
            keys << cell.sliced(start, i - start);
            start = -1;
        }
    }
    return keys;
}

std::optional<bool> parseFlag(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("no") || t == QLatin1String("false") || t == QLatin1String("0"))
        return false;
    if (t == QLatin1String("yes") || t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("y"))
        return true;
    return std::nullopt;
}

// Parses the file and the header; returns the data records.
bool readTable(const QByteArray &bytes, const QStringList &known, const QStringList &required,
               QHash<QString, int> *columns, QList<CsvReader::Record> *rows, QString *error)
{
    QList<CsvReader::Record> records;
    if (!CsvReader::parse(bytes, &records, error))
        return false;
    if (records.isEmpty()) {
        *error = RosterCsv::tr("the file is empty: it needs a header row (%1)").arg(known.join(QStringLiteral(",")));
        return false;
    }
    if (!readHeader(records.first(), known, required, columns, error))
        return false;
    const int width = int(records.first().fields.size());
    for (int i = 1; i < records.size(); ++i) {
        if (records.at(i).fields.size() != width) {
            *error = RosterCsv::tr("line %1: %2 fields where the header has %3")
                         .arg(records.at(i).line)
                         .arg(records.at(i).fields.size())
                         .arg(width);
            return false;
        }
    }
    *rows = records.mid(1);
    return true;
}

} // namespace

RosterCsv::Kind RosterCsv::detect(const QByteArray &bytes)
{
    QList<CsvReader::Record> records;
    QString error;
    if (CsvReader::parse(bytes.left(4096).left(bytes.left(4096).lastIndexOf('\n') + 1), &records, &error) &&
        !records.isEmpty()) {
        for (const QString &name : records.first().fields) {
            if (name.trimmed().compare(QStringLiteral("key"), Qt::CaseInsensitive) == 0)
                return Kind::Departments;
        }
    }
    return Kind::People;
}

bool RosterCsv::readPeople(const QByteArray &bytes, QList<Person> *people, QString *error)
{
    people->clear();
    QHash<QString, int> columns;
    QList<CsvReader::Record> rows;
    if (!readTable(bytes, PeopleColumns, {QStringLiteral("name"), QStringLiteral("handle")}, &columns, &rows, error))
        return false;
    QHash<QString, int> seen;
    QList<Person> result;
    for (const CsvReader::Record &r : std::as_const(rows)) {
        Person p;
        p.name = field(r, columns, QStringLiteral("name"));
        p.handle = field(r, columns, QStringLiteral("handle"));
        p.team = field(r, columns, QStringLiteral("team"));
        p.departmentKey = field(r, columns, QStringLiteral("department")).toLower();
        p.contact = field(r, columns, QStringLiteral("contact"));
        p.trainedRoles = roleKeys(field(r, columns, QStringLiteral("trained_roles")).toLower());
        if (p.name.isEmpty()) {
            *error = tr("line %1: the name is empty").arg(r.line);
            return false;
        }
        if (const QString problem = DomainRules::handleProblem(p.handle); !problem.isEmpty()) {
            *error = tr("line %1: %2").arg(r.line).arg(problem);
            return false;
        }
        const QString key = p.handle.toLower();
        if (seen.contains(key)) {
            *error = tr("line %1: the handle “%2” was already used on line %3")
                         .arg(r.line)
                         .arg(p.handle)
                         .arg(seen.value(key));
            return false;
        }
        seen.insert(key, r.line);
        const auto trainee = parseFlag(field(r, columns, QStringLiteral("trainee")));
        if (!trainee) {
            *error = tr("line %1: trainee must be yes or no, not “%2”")
                         .arg(r.line)
                         .arg(field(r, columns, QStringLiteral("trainee")));
            return false;
        }
        p.trainee = *trainee;
        result << p;
    }
    *people = result;
    return true;
}

bool RosterCsv::readDepartments(const QByteArray &bytes, QList<Department> *departments, QString *error)
{
    departments->clear();
    QHash<QString, int> columns;
    QList<CsvReader::Record> rows;
    if (!readTable(bytes, DepartmentColumns, {QStringLiteral("key"), QStringLiteral("name")}, &columns, &rows, error))
        return false;
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,47}$"));
    QHash<QString, int> seen;
    QList<Department> result;
    for (const CsvReader::Record &r : std::as_const(rows)) {
        Department d;
        d.key = field(r, columns, QStringLiteral("key")).toLower();
        d.name = field(r, columns, QStringLiteral("name"));
        d.primaryContact = field(r, columns, QStringLiteral("primary_contact"));
        d.onCallRotation = field(r, columns, QStringLiteral("oncall_rotation"));
        d.escalationPath = field(r, columns, QStringLiteral("escalation_path"));
        if (!keyPattern.match(d.key).hasMatch()) {
            *error = tr("line %1: the key “%2” must be lower-case letters, digits or dashes").arg(r.line).arg(d.key);
            return false;
        }
        if (d.name.isEmpty()) {
            *error = tr("line %1: the name is empty").arg(r.line);
            return false;
        }
        if (seen.contains(d.key)) {
            *error =
                tr("line %1: the key “%2” was already used on line %3").arg(r.line).arg(d.key).arg(seen.value(d.key));
            return false;
        }
        seen.insert(d.key, r.line);
        result << d;
    }
    *departments = result;
    return true;
}

QByteArray RosterCsv::writePeople(const QList<Person> &people, CsvWriter::Flavour flavour)
{
    QString out = CsvWriter::record(PeopleColumns);
    for (const Person &p : people) {
        out += CsvWriter::record({p.name, p.handle, p.team, p.departmentKey, p.contact,
                                  p.trainedRoles.join(QLatin1Char(' ')),
                                  p.trainee ? QStringLiteral("yes") : QStringLiteral("no")});
    }
    return CsvWriter::preamble(flavour) + out.toUtf8();
}

QByteArray RosterCsv::writeDepartments(const QList<Department> &departments, CsvWriter::Flavour flavour)
{
    QString out = CsvWriter::record(DepartmentColumns);
    for (const Department &d : departments)
        out += CsvWriter::record({d.key, d.name, d.primaryContact, d.onCallRotation, d.escalationPath});
    return CsvWriter::preamble(flavour) + out.toUtf8();
}

} // namespace cp
