#include "peoplecommands.h"

#include "clicontext.h"
#include "cliformat.h"
#include "commandline.h"
#include "exchange/rostercsv.h"

#include <QFile>
#include <QFileInfo>

namespace cp::cli {

namespace {

bool isHelp(const QString &word)
{
    return word == QLatin1String("--help") || word == QLatin1String("-h") || word == QLatin1String("help");
}

const QStringList ListFormats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")};

// people list and departments list are one command over two tables: what differs is how the
// rows are read and how one row looks in each format.
template <typename Item> struct Listing
{
    Result<QList<Item>> (IncidentStore::*read)() const;
    QJsonObject (*json)(const Item &);
    QString (*row)(const Item &);
    QByteArray (*csv)(const QList<Item> &);
};

template <typename Item>
int runList(CliContext &context, const QStringList &arguments, const QString &command, const QString &description,
            const Listing<Item> &listing)
{
    CommandLine line(context, command, QStringLiteral("[options]"), description);
    line.addOption(CommandLine::formatOption(ListFormats));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(0, &exitCode))
        return exitCode;
    const auto format = line.format(ListFormats, &exitCode);
    if (!format)
        return exitCode;

    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    const auto items = ((**store).*listing.read)();
    if (!items)
        return context.fail(items.error());
    if (*format == QLatin1String("json")) {
        QJsonArray array;
        for (const Item &item : *items)
            array.append(listing.json(item));
        context.out() << CliFormat::compactJson(array);
    } else if (*format == QLatin1String("csv")) {
        context.out() << QString::fromUtf8(listing.csv(*items));
    } else {
        for (const Item &item : *items)
            context.out() << listing.row(item) << QLatin1Char('\n');
    }
    return context.finish();
}

} // namespace

QString PeopleCommands::helpText()
{
    return tr("Usage: commandpost-cli people list|add|import [options]\n"
              "  list    [--format text|json|csv]\n"
              "  add     --name N --handle H [--team T] [--department D] [--contact C] [--trained ROLE,...] "
              "[--trainee]\n"
              "          prints the new person's id\n"
              "  import  FILE.csv   a people or departments file (told apart by its header); all or nothing\n"
              "Run 'commandpost-cli people SUBCOMMAND --help' for details.\n");
}

QString PeopleCommands::departmentsHelpText()
{
    return tr("Usage: commandpost-cli departments list [--format text|json|csv]\n"
              "Departments are added with 'commandpost-cli people import departments.csv'.\n");
}

int PeopleCommands::run(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("list"))
        return list(context, rest);
    if (sub == QLatin1String("add"))
        return add(context, rest);
    if (sub == QLatin1String("import"))
        return import(context, rest);
    if (isHelp(sub)) {
        context.out() << helpText();
        return context.finish();
    }
    if (sub.isEmpty())
        return context.usageError(tr("'people' needs a subcommand: list, add or import"), QStringLiteral("people"));
    return context.usageError(tr("unknown subcommand 'people %1'; use list, add or import").arg(sub),
                              QStringLiteral("people"));
}

int PeopleCommands::runDepartments(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("list"))
        return listDepartments(context, arguments.mid(1));
    if (isHelp(sub)) {
        context.out() << departmentsHelpText();
        return context.finish();
    }
    if (sub.isEmpty())
        return context.usageError(tr("'departments' needs a subcommand: list"), QStringLiteral("departments"));
    return context.usageError(tr("unknown subcommand 'departments %1'; use list").arg(sub),
                              QStringLiteral("departments"));
}

int PeopleCommands::list(CliContext &context, const QStringList &arguments)
{
    return runList<Person>(
        context, arguments, QStringLiteral("people list"),
        tr("Lists the roster by name. Text: one person per line, tab separated: handle, name, team, "
           "department, contact, trained roles (comma separated), trainee (yes or no). CSV: the people "
           "file format that 'people import' reads. JSON: an array of objects."),
        {&IncidentStore::people, &CliFormat::personJson, &CliFormat::personRow, &RosterCsv::writePeople});
}

int PeopleCommands::add(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("people add"), QStringLiteral("--name N --handle H [options]"),
                     tr("Adds a person to the roster and prints their id."));
    line.addOption({QStringLiteral("name"), tr("Full name (required)."), tr("N")});
    line.addOption(
        {QStringLiteral("handle"), tr("One word that is theirs alone, what people type (required)."), tr("H")});
    line.addOption({QStringLiteral("team"), tr("Their team."), tr("T")});
    line.addOption({QStringLiteral("department"), tr("Their department's key."), tr("D")});
    line.addOption({QStringLiteral("contact"), tr("Phone, chat handle …"), tr("C")});
    line.addOption({QStringLiteral("trained"), tr("Role keys they are trained for, comma separated (ic,deputy)."),
                    tr("ROLE,...")});
    line.addOption({QStringLiteral("trainee"), tr("They shadow calls; never the sole holder of a required role.")});
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(0, &exitCode))
        return exitCode;
    const auto required = line.requiredValues({QStringLiteral("name"), QStringLiteral("handle")}, &exitCode);
    if (!required)
        return exitCode;

    Person person;
    person.name = required->at(0);
    person.handle = required->at(1);
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

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    const auto id = (*store)->addPerson(person);
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int PeopleCommands::import(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("people import"), QStringLiteral("FILE.csv"),
                     tr("Imports a people file (header: name,handle,team,department,contact,trained_roles,trainee) or "
                        "a departments file (header: key,name,primary_contact,oncall_rotation,escalation_path); the "
                        "header tells which. People are matched by handle, departments by key: new ones are added, "
                        "known ones updated. All or nothing: a bad line is reported with its number and nothing is "
                        "saved. Prints how many rows were saved."));
    line.addPositionalArgument(QStringLiteral("FILE"), tr("The CSV file (UTF-8, RFC 4180, header row first)."),
                               QStringLiteral("FILE.csv"));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (line.positionalArguments().isEmpty())
        return line.usageError(tr("the CSV FILE is missing"));
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;

    // The file is read and checked in full before the database is opened.
    const QString path = line.positionalArguments().constFirst();
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!QFileInfo::exists(path))
        return context.fail(StoreError(StoreError::Code::FileMissing, tr("There is no file %1.").arg(path)));
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
        return context.fail(StoreError(
            StoreError::Code::Io, tr("%1 cannot be read: %2")
                                      .arg(path, QFileInfo(path).isDir() ? tr("it is a folder") : file.errorString())));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return context.fail(
            StoreError(StoreError::Code::Io, tr("%1 cannot be read: %2").arg(path, file.errorString())));

    QList<Person> people;
    QList<Department> departments;
    QString error;
    const bool read = RosterCsv::detect(bytes) == RosterCsv::Kind::Departments
                          ? RosterCsv::readDepartments(bytes, &departments, &error)
                          : RosterCsv::readPeople(bytes, &people, &error);
    if (!read)
        return context.fail(StoreError(StoreError::Code::Invalid, tr("%1: %2").arg(name, error)));

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    const auto changed = (*store)->importRoster(departments, people);
    if (!changed)
        return context.fail(changed.error());
    context.out() << *changed << QLatin1Char('\n');
    return context.finish();
}

int PeopleCommands::listDepartments(CliContext &context, const QStringList &arguments)
{
    return runList<Department>(
        context, arguments, QStringLiteral("departments list"),
        tr("Lists the directory of departments by name. Text: one per line, tab separated: key, name, "
           "primary contact, on-call rotation, escalation path. CSV: the departments file format. "
           "JSON: an array of objects."),
        {&IncidentStore::departments, &CliFormat::departmentJson, &CliFormat::departmentRow,
         &RosterCsv::writeDepartments});
}

} // namespace cp::cli
