#include "command.h"

namespace cp::cli {

namespace {

const QString IncidentOptionName = QStringLiteral("incident");

} // namespace

Command::Command(QString name, QString synopsis, QString summary)
    : m_name(std::move(name)), m_synopsis(std::move(synopsis)), m_summary(std::move(summary))
{
}

Command &Command::describe(const QString &description)
{
    m_description = description;
    return *this;
}

Command &Command::access(CliContext::Access access)
{
    m_access = access;
    return *this;
}

Command &Command::incident(Incident use)
{
    m_incident = use;
    return *this;
}

Command &Command::option(const QCommandLineOption &option)
{
    m_options << option;
    return *this;
}

Command &Command::required(const QStringList &options)
{
    m_required = options;
    return *this;
}

Command &Command::formats(const QStringList &formats)
{
    m_formats = formats;
    return *this;
}

Command &Command::author()
{
    m_author = true;
    return *this;
}

Command &Command::argument(const QString &name, const QString &description, const QString &syntax, bool many)
{
    m_arguments << Argument{name, description, syntax};
    m_manyArguments = m_manyArguments || many;
    return *this;
}

Command &Command::alias(const QString &word)
{
    m_aliases << word;
    return *this;
}

Command &Command::needsGui()
{
    m_needsGui = true;
    return *this;
}

Command &Command::groupNote(const QString &note)
{
    m_note = note;
    return *this;
}

Command &Command::run(Handler handler)
{
    m_handler = std::move(handler);
    return *this;
}

QString Command::group() const
{
    return m_name.section(QLatin1Char(' '), 0, 0);
}

QString Command::subcommand() const
{
    return m_name.section(QLatin1Char(' '), 1, 1);
}

bool Command::answersTo(const QString &word) const
{
    return m_name.section(QLatin1Char(' '), -1) == word || m_aliases.contains(word);
}

QCommandLineOption Command::incidentOption(bool required)
{
    return {IncidentOptionName, required ? tr("The incident's id (required).") : tr("The incident's id."), tr("ID")};
}

int Command::execute(CliContext &context, const QStringList &arguments) const
{
    CommandLine line(context, m_name, m_synopsis.isEmpty() ? QStringLiteral("[options]") : m_synopsis,
                     m_description.isEmpty() ? m_summary : m_description);
    if (m_incident != Incident::None)
        line.addOption(incidentOption(m_incident != Incident::Optional));
    for (const QCommandLineOption &option : m_options)
        line.addOption(option);
    if (!m_formats.isEmpty())
        line.addOption(CommandLine::formatOption(m_formats));
    if (m_author)
        line.addOption(CommandLine::authorOption());
    for (const Argument &argument : m_arguments)
        line.addPositionalArgument(argument.name, argument.description, argument.syntax);
    if (auto done = line.parse(arguments))
        return *done;

    // The first problem on the line is the one reported: extra words, --incident, the required
    // options, --format; then the handler's own checks.
    CommandCall call(*this, context, line);
    int exitCode = 0;
    if (!m_manyArguments && !line.noExtraArguments(int(m_arguments.size()), &exitCode))
        return exitCode;
    if (m_incident != Incident::None && (m_incident != Incident::Optional || line.isSet(IncidentOptionName))) {
        const auto id = line.requiredId(IncidentOptionName, &exitCode);
        if (!id)
            return exitCode;
        call.m_incidentId = *id;
    }
    if (!m_required.isEmpty()) {
        auto values = line.requiredValues(m_required, &exitCode);
        if (!values)
            return exitCode;
        call.m_values = std::move(*values);
    }
    if (!m_formats.isEmpty()) {
        auto format = line.format(m_formats, &exitCode);
        if (!format)
            return exitCode;
        call.m_format = std::move(*format);
    }
    return m_handler(call);
}

CommandCall::CommandCall(const Command &command, CliContext &context, CommandLine &line)
    : m_command(command), m_context(context), m_line(line)
{
}

CommandCall::~CommandCall() = default;

int CommandCall::finish(const StoreError &error)
{
    if (!error.ok())
        return fail(error);
    return finish();
}

int CommandCall::printId(const Result<qint64> &id)
{
    if (!id)
        return fail(id.error());
    out() << *id << QLatin1Char('\n');
    return finish();
}

IncidentStore *CommandCall::store(CliContext::Access access)
{
    if (m_store || m_exitCode != 0)
        return m_store.get();
    auto opened = m_context.openStore(access);
    if (!opened) {
        m_exitCode = fail(opened.error());
        return nullptr;
    }
    m_store = std::move(*opened);
    m_context.noteServerClock(m_store->session());
    if (m_command.m_incident == Command::Incident::Existing && !incident()) {
        m_store.reset();
        return nullptr;
    }
    return m_store.get();
}

const cp::Incident *CommandCall::incident()
{
    if (m_incident)
        return &*m_incident;
    IncidentStore *s = m_store ? m_store.get() : store();
    if (!s)
        return nullptr;
    if (m_incident) // store() checked it
        return &*m_incident;
    auto found = s->incidents().incident(m_incidentId);
    if (!found) {
        m_exitCode = fail(found.error());
        return nullptr;
    }
    m_incident = std::move(*found);
    return &*m_incident;
}

} // namespace cp::cli
