#include "peoplecommands.h"

#include "server/serverschema.h"

#include "cliformat.h"
#include "exchange/importfile.h"
#include "exchange/rostercsv.h"

#include <QFile>
#include <QFileInfo>

namespace cp::cli {

namespace {

const QStringList ListFormats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")};

// people list and departments list are one command over two tables: what differs is how the
// rows are read and how one row looks in each format.
template <typename Item> struct Listing
{
    Result<QList<Item>> (RosterRepository::*read)() const;
    QJsonObject (*json)(const Item &);
    QString (*row)(const Item &);
    QByteArray (*csv)(const QList<Item> &, CsvWriter::Flavour);
};

QCommandLineOption excelOption()
{
    return {QStringLiteral("excel"),
            PeopleCommands::tr("With csv: start with a UTF-8 byte-order mark, so Excel reads accents.")};
}

template <typename Item> int runList(CommandCall &call, const Listing<Item> &listing)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    CliContext &context = call.context();
    const QString &format = call.format();
    const auto items = (store->roster().*listing.read)();
    if (!items)
        return context.fail(items.error());
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const Item &item : *items)
            array.append(listing.json(item));
        context.out() << CliFormat::compactJson(array);
    } else if (format == QLatin1String("csv")) {
        context.out().flush();
        context.stdoutDevice().write(listing.csv(
            *items, call.isSet(QStringLiteral("excel")) ? CsvWriter::Flavour::Excel : CsvWriter::Flavour::Rfc4180));
    } else {
        for (const Item &item : *items)
            context.out() << listing.row(item) << QLatin1Char('\n');
    }
    return context.finish();
}

} // namespace

QList<Command> PeopleCommands::commands()
{
    return {
        Command(QStringLiteral("people list"), QStringLiteral("[--format text|json|csv] [--excel]"),
                tr("the roster, by name"))
            .describe(tr("Lists the roster by name. Text: one person per line, tab separated: handle, name, team, "
                         "department, contact, trained roles (comma separated), trainee (yes or no). CSV: the "
                         "people file format that 'people import' reads. JSON: an array of objects."))
            .reads()
            .formats(ListFormats)
            .option(excelOption())
            .run(&PeopleCommands::list),
        Command(QStringLiteral("people add"),
                QStringLiteral("--name N --handle H [--team T] [--department D] [--contact C] [--trained ROLE,...] "
                               "[--trainee] [--login LOGIN]"),
                tr("add a person to the roster; prints their id"))
            .describe(tr("Adds a person to the roster and prints their id."))
            .writes()
            .option({QStringLiteral("name"), tr("Full name (required)."), tr("N")})
            .option(
                {QStringLiteral("handle"), tr("One word that is theirs alone, what people type (required)."), tr("H")})
            .option({QStringLiteral("team"), tr("Their team."), tr("T")})
            .option({QStringLiteral("department"), tr("Their department's key."), tr("D")})
            .option({QStringLiteral("contact"), tr("Phone, chat handle …"), tr("C")})
            .option({QStringLiteral("trained"), tr("Role keys they are trained for, comma separated (ic,deputy)."),
                     tr("ROLE,...")})
            .option({QStringLiteral("trainee"), tr("They shadow calls; never the sole holder of a required role.")})
            .option({QStringLiteral("login"),
                     tr("Team server only: their server login; what they write then carries this name."), tr("LOGIN")})
            .required({QStringLiteral("name"), QStringLiteral("handle")})
            .run(&PeopleCommands::add),
        Command(QStringLiteral("people import"), QStringLiteral("FILE.csv"),
                tr("a people or departments file, all or nothing; prints the count"))
            .describe(tr("Imports a people file (header: name,handle,team,department,contact,trained_roles,trainee) "
                         "or a departments file (header: key,name,primary_contact,oncall_rotation,escalation_path); "
                         "the header tells which. People are matched by handle, departments by key: new ones are "
                         "added, known ones updated. All or nothing: a bad line is reported with its number and "
                         "nothing is saved. Prints how many rows were saved."))
            .writes()
            .argument(QStringLiteral("FILE"), tr("The CSV file (UTF-8, RFC 4180, header row first)."),
                      QStringLiteral("FILE.csv"))
            .run(&PeopleCommands::import),
        Command(QStringLiteral("departments list"), QStringLiteral("[--format text|json|csv] [--excel]"),
                tr("the directory of departments, by name"))
            .describe(tr("Lists the directory of departments by name. Text: one per line, tab separated: key, name, "
                         "primary contact, on-call rotation, escalation path. CSV: the departments file format. "
                         "JSON: an array of objects."))
            .reads()
            .formats(ListFormats)
            .option(excelOption())
            .groupNote(tr("Departments are added with 'commandpost-cli people import departments.csv'."))
            .run(&PeopleCommands::listDepartments),
    };
}

int PeopleCommands::list(CommandCall &call)
{
    return runList<Person>(
        call, {&RosterRepository::people, &CliFormat::personJson, &CliFormat::personRow, &RosterCsv::writePeople});
}

int PeopleCommands::add(CommandCall &call)
{
    const CommandLine &line = call.line();
    const QStringList &required = call.values();
    Person person;
    person.name = required.at(0);
    person.handle = required.at(1);
    person.team = line.value(QStringLiteral("team")).trimmed();
    person.departmentKey = line.value(QStringLiteral("department")).trimmed().toLower();
    person.contact = line.value(QStringLiteral("contact")).trimmed();
    for (const QString &values : line.values(QStringLiteral("trained"))) {
        for (const QString &role : values.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!role.trimmed().isEmpty())
                person.trainedRoles << role.trimmed().toLower();
        }
    }
    person.trainee = line.isSet(QStringLiteral("trainee"));
    const QString login = line.value(QStringLiteral("login")).trimmed();
    if (line.isSet(QStringLiteral("login")) && (login.isEmpty() || call.context().server().isEmpty()))
        return call.usageError(tr("--login names a team server login: give one, with --server"));

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printId(store->roster().addPerson(person, login));
}

int PeopleCommands::import(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    if (line.positionalArguments().isEmpty())
        return line.usageError(tr("the CSV FILE is missing"));

    // The file is read and checked in full before the database is opened.
    const QString path = line.positionalArguments().constFirst();
    const QString name = QFileInfo(path).fileName();
    const Result<QByteArray> loaded = ImportFile::read(path);
    if (!loaded)
        return context.fail(loaded.error());
    const QByteArray &bytes = *loaded;

    QList<Person> people;
    QList<Department> departments;
    QString error;
    const bool read = RosterCsv::detect(bytes) == RosterCsv::Kind::Departments
                          ? RosterCsv::readDepartments(bytes, &departments, &error)
                          : RosterCsv::readPeople(bytes, &people, &error);
    if (!read)
        return context.fail(StoreError(StoreError::Code::Invalid, tr("%1: %2").arg(name, error)));

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    const auto changed = store->roster().importRoster(departments, people);
    if (!changed)
        return context.fail(changed.error());
    context.out() << *changed << QLatin1Char('\n');
    return context.finish();
}

int PeopleCommands::listDepartments(CommandCall &call)
{
    return runList<Department>(call, {&RosterRepository::departments, &CliFormat::departmentJson,
                                      &CliFormat::departmentRow, &RosterCsv::writeDepartments});
}

} // namespace cp::cli
