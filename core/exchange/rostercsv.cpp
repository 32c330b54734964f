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

// Where each known column is in the file (-1: absent), by the known column's position.
using Columns = QList<int>;

// Maps header names to column positions; checks the header against the known columns.
bool readHeader(const CsvReader::Record &header, const QStringList &known, const QStringList &required,
                Columns *columns, QString *error)
{
    columns->fill(-1, known.size());
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        const qsizetype k = known.indexOf(name);
        if (k < 0) {
            *error = RosterCsv::tr("line %1: unknown column “%2” (expected: %3)")
                         .arg(header.line)
                         .arg(header.fields.at(i), known.join(QStringLiteral(", ")));
            return false;
        }
        if (columns->at(k) >= 0) {
            *error = RosterCsv::tr("line %1: the column “%2” appears twice").arg(header.line).arg(name);
            return false;
        }
        (*columns)[k] = i;
    }
    for (const QString &name : required) {
        if (columns->at(known.indexOf(name)) < 0) {
            *error = RosterCsv::tr("line %1: the required column “%2” is missing").arg(header.line).arg(name);
            return false;
        }
    }
    return true;
}

// The field of the known column 'k' (an index into the known columns); empty when absent.
QString field(const CsvReader::Record &r, const Columns &columns, int k)
{
    const int i = columns.at(k);
    return i >= 0 && i < r.fields.size() ? CsvField::read(r.fields.at(i)).trimmed() : QString();
}

// The line a key was first seen on: 'line' when this is the first time (then noted), in one
// lookup (a roster of 100,000 people checks every handle).
int firstLine(QHash<QString, int> &seen, const QString &key, int line)
{
    const qsizetype before = seen.size();
    int &first = seen[key];
    if (seen.size() != before)
        first = line;
    return first;
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

// Reads the header, then hands each data record to 'row' as it is parsed (none are kept);
// 'row' returns false to stop, having set *error.
bool readRows(const QByteArray &bytes, const QStringList &known, const QStringList &required,
              const std::function<bool(const CsvReader::Record &, const Columns &)> &row, QString *error)
{
    Columns columns;
    qsizetype width = -1; // the header's; -1 until it is read
    const bool read = CsvReader::read(
        bytes,
        [&](CsvReader::Record &r) {
            if (width < 0) {
                width = r.fields.size();
                return readHeader(r, known, required, &columns, error);
            }
            if (r.fields.size() != width) {
                *error = RosterCsv::tr("line %1: %2 fields where the header has %3")
                             .arg(r.line)
                             .arg(r.fields.size())
                             .arg(width);
                return false;
            }
            return row(r, columns);
        },
        error);
    if (read && width < 0) {
        *error = RosterCsv::tr("the file is empty: it needs a header row (%1)").arg(known.join(QStringLiteral(",")));
        return false;
    }
    return read;
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
    enum Column
    {
        Name,
        Handle,
        Team,
        DepartmentColumn,
        Contact,
        TrainedRoles,
        Trainee
    };
    QHash<QString, int> seen; // handle, lower-case → its line
    QList<Person> result;
    // About a row a line: grown once, not rehashed and copied at every doubling.
    const qsizetype lines = bytes.count('\n');
    seen.reserve(lines);
    result.reserve(lines);
    const bool read = readRows(
        bytes, PeopleColumns, {QStringLiteral("name"), QStringLiteral("handle")},
        [&](const CsvReader::Record &r, const Columns &columns) {
            Person p;
            p.name = field(r, columns, Name);
            p.handle = field(r, columns, Handle);
            p.team = field(r, columns, Team);
            p.departmentKey = field(r, columns, DepartmentColumn).toLower();
            p.contact = field(r, columns, Contact);
            p.trainedRoles = roleKeys(field(r, columns, TrainedRoles).toLower());
            if (p.name.isEmpty()) {
                *error = tr("line %1: the name is empty").arg(r.line);
                return false;
            }
            if (const QString problem = DomainRules::handleProblem(p.handle); !problem.isEmpty()) {
                *error = tr("line %1: %2").arg(r.line).arg(problem);
                return false;
            }
            if (const int first = firstLine(seen, p.handle.toLower(), r.line); first != r.line) {
                *error =
                    tr("line %1: the handle “%2” was already used on line %3").arg(r.line).arg(p.handle).arg(first);
                return false;
            }
            const QString trainee = field(r, columns, Trainee);
            const auto flag = parseFlag(trainee);
            if (!flag) {
                *error = tr("line %1: trainee must be yes or no, not “%2”").arg(r.line).arg(trainee);
                return false;
            }
            p.trainee = *flag;
            result << std::move(p);
            return true;
        },
        error);
    if (read)
        *people = result;
    return read;
}

bool RosterCsv::readDepartments(const QByteArray &bytes, QList<Department> *departments, QString *error)
{
    departments->clear();
    enum Column
    {
        Key,
        Name,
        PrimaryContact,
        OnCallRotation,
        EscalationPath
    };
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,47}$"));
    QHash<QString, int> seen;
    QList<Department> result;
    const bool read = readRows(
        bytes, DepartmentColumns, {QStringLiteral("key"), QStringLiteral("name")},
        [&](const CsvReader::Record &r, const Columns &columns) {
            Department d;
            d.key = field(r, columns, Key).toLower();
            d.name = field(r, columns, Name);
            d.primaryContact = field(r, columns, PrimaryContact);
            d.onCallRotation = field(r, columns, OnCallRotation);
            d.escalationPath = field(r, columns, EscalationPath);
            if (!keyPattern.match(d.key).hasMatch()) {
                *error =
                    tr("line %1: the key “%2” must be lower-case letters, digits or dashes").arg(r.line).arg(d.key);
                return false;
            }
            if (d.name.isEmpty()) {
                *error = tr("line %1: the name is empty").arg(r.line);
                return false;
            }
            if (const int first = firstLine(seen, d.key, r.line); first != r.line) {
                *error = tr("line %1: the key “%2” was already used on line %3").arg(r.line).arg(d.key).arg(first);
                return false;
            }
            result << std::move(d);
            return true;
        },
        error);
    if (read)
        *departments = result;
    return read;
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
