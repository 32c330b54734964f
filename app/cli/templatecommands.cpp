#include "templatecommands.h"

#include "cliformat.h"

#include <QHash>

namespace cp::cli {

namespace {

QString kindOf(const RoleTemplate &roleTemplate)
{
    return roleTemplate.builtIn ? QStringLiteral("built-in") : QStringLiteral("user");
}

// How deep each role sits below its template's roots.
int depthOf(const RoleTemplate &roleTemplate, const RoleDefinition &role)
{
    int depth = 0;
    QString parent = role.parentKey;
    while (!parent.isEmpty() && depth < roleTemplate.roles.size()) {
        const RoleDefinition *up = roleTemplate.role(parent);
        if (!up)
            break;
        ++depth;
        parent = up->parentKey;
    }
    return depth;
}

} // namespace

QList<Command> TemplateCommands::commands()
{
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    return {
        Command(QStringLiteral("templates list"), QStringLiteral("[--format text|json]"),
                tr("the role templates: key, name, number of roles, built-in or user"))
            .describe(tr("Lists the role templates: the built-ins, then the user's own (%1). Text: one per line, "
                         "tab separated: key, name, number of roles, built-in or user. JSON: an array of objects.")
                          .arg(RoleTemplateLibrary::defaultUserFolder()))
            .formats(formats)
            .run(&TemplateCommands::list),
        Command(QStringLiteral("templates show"), QStringLiteral("KEY [--format text|json]"),
                tr("one template; json is the template file format"))
            .describe(tr("Shows one role template. Text: \"field<TAB>value\" lines (key, name, kind, source, "
                         "description), then one line per role, indented by depth: key, title, short name, "
                         "required|optional, one|many holders. JSON: the template file format (docs/formats.md)."))
            .argument(QStringLiteral("KEY"), tr("The template's key, as 'templates list' shows it."))
            .formats(formats)
            .run(&TemplateCommands::show),
    };
}

Result<RoleTemplate> TemplateCommands::find(const QString &key)
{
    const RoleTemplateLibrary library;
    if (auto found = library.find(key))
        return *found;
    QStringList keys;
    for (const RoleTemplate &t : library.templates())
        keys << t.key;
    QString message = tr("There is no role template “%1” (there are: %2).").arg(key, keys.join(QStringLiteral(", ")));
    if (!library.problems().isEmpty())
        message += tr(" Unreadable user templates: %1").arg(library.problems().join(QStringLiteral("; ")));
    return StoreError(StoreError::Code::NotFound, message);
}

int TemplateCommands::list(CommandCall &call)
{
    CliContext &context = call.context();
    const RoleTemplateLibrary library;
    if (call.json()) {
        QJsonArray array;
        for (const RoleTemplate &t : library.templates())
            array.append(QJsonObject{{QStringLiteral("key"), t.key},
                                     {QStringLiteral("name"), t.name},
                                     {QStringLiteral("roles"), int(t.roles.size())},
                                     {QStringLiteral("built_in"), t.builtIn}});
        context.out() << CliFormat::compactJson(array);
    } else {
        for (const RoleTemplate &t : library.templates())
            context.out() << CliFormat::field(t.key) << QLatin1Char('\t') << CliFormat::field(t.name)
                          << QLatin1Char('\t') << t.roles.size() << QLatin1Char('\t') << kindOf(t) << QLatin1Char('\n');
    }
    return context.finish();
}

int TemplateCommands::show(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    if (line.positionalArguments().isEmpty())
        return line.usageError(tr("the template KEY is missing"));

    const auto found = find(line.positionalArguments().constFirst());
    if (!found)
        return context.fail(found.error());
    const RoleTemplate &t = *found;
    QTextStream &out = context.out();
    if (call.json()) {
        out << QString::fromUtf8(RoleTemplateFormat::toJson(t));
        if (!RoleTemplateFormat::toJson(t).endsWith('\n'))
            out << QLatin1Char('\n');
        return context.finish();
    }
    const QList<std::pair<QString, QString>> fields{
        {QStringLiteral("key"), t.key},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("kind"), kindOf(t)},
        {QStringLiteral("source"), t.source},
        {QStringLiteral("description"), t.description},
    };
    for (const auto &[name, value] : fields)
        out << name << QLatin1Char('\t') << CliFormat::field(value) << QLatin1Char('\n');
    for (const RoleDefinition &role : t.roles) {
        out << QString(2 * depthOf(t, role), QLatin1Char(' '))
            << QStringList{CliFormat::field(role.key), CliFormat::field(role.title), CliFormat::field(role.shortName),
                           role.required ? QStringLiteral("required") : QStringLiteral("optional"),
                           role.multipleHolders ? QStringLiteral("many") : QStringLiteral("one")}
                   .join(QLatin1Char('\t'))
            << QLatin1Char('\n');
    }
    return context.finish();
}

} // namespace cp::cli
