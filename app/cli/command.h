#pragma once

#include "clicontext.h"
#include "cliformat.h"
#include "commandline.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace cp::cli {

class CommandCall;

// One command or subcommand of commandpost-cli, declared once: its words ("timer start"), the
// synopsis and one-line summary the help lists show, the description its own --help shows, its
// options and arguments, how it uses the database, and the handler. The command line is parsed
// and the options every command of its kind shares (--incident, --format, the required ones) are
// checked here, in a fixed order, before the handler runs (KeePassXC's Command, git's builtin
// subcommand tables).
class Command final
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::Command)

public:
    using Handler = std::function<int(CommandCall &)>;

    // How the command uses --incident ID.
    enum class Incident
    {
        None,     // not at all, or the handler reads the option itself
        Optional, // an id when given
        Required, // always an id
        Existing, // always an id, and the incident must exist once the database is open
    };

    // name: the words ("incident new"); synopsis: what follows them in the usage line;
    // summary: one line for the lists in 'commandpost-cli --help' and 'commandpost-cli GROUP --help'.
    Command(QString name, QString synopsis, QString summary);

    // The paragraph of the command's own --help (default: the summary).
    Command &describe(const QString &description);
    // How it opens the database (default: it does not).
    Command &reads() { return access(CliContext::Access::Read); }
    Command &writes() { return access(CliContext::Access::Write); }
    Command &access(CliContext::Access access);
    Command &incident(Incident use);
    Command &option(const QCommandLineOption &option);
    // Options that must be given with a non-empty value, checked in this order after --incident;
    // their values reach the handler in the same order (CommandCall::values()).
    Command &required(const QStringList &options);
    // --format, one of these (the first is the default).
    Command &formats(const QStringList &formats);
    Command &author(); // --author (CommandLine::author())
    // A positional argument; 'many' takes any number of words (log TEXT…).
    Command &argument(const QString &name, const QString &description, const QString &syntax = QString(),
                      bool many = false);
    Command &alias(const QString &word); // another last word that runs it, not listed (authorize)
    Command &needsGui();                 // paints (PDF): needs a QGuiApplication on the offscreen platform
    // A line printed under the group's list of subcommands ("Durations: 90s, 5m, 1h30m.").
    Command &groupNote(const QString &note);
    Command &run(Handler handler);

    const QString &name() const { return m_name; }
    QString group() const;      // the first word
    QString subcommand() const; // the second word; empty for a command of one word
    const QString &synopsis() const { return m_synopsis; }
    const QString &summary() const { return m_summary; }
    const QString &note() const { return m_note; }
    bool answersTo(const QString &word) const; // the last word or an alias
    bool isGuiNeeded() const { return m_needsGui; }

    // Parses 'arguments' (what follows the words), checks the shared options and runs the handler.
    int execute(CliContext &context, const QStringList &arguments) const;

    static QCommandLineOption incidentOption(bool required);

private:
    QString m_name;
    QString m_synopsis;
    QString m_summary;
    QString m_description;
    QString m_note;
    std::optional<CliContext::Access> m_access;
    Incident m_incident = Incident::None;
    QList<QCommandLineOption> m_options;
    QStringList m_required;
    QStringList m_formats;
    bool m_author = false;
    struct Argument
    {
        QString name, description, syntax;
    };
    QList<Argument> m_arguments;
    bool m_manyArguments = false;
    QStringList m_aliases;
    bool m_needsGui = false;
    Handler m_handler;

    friend class CommandCall;
};

// What a handler is given: the context, its parsed command line, the incident's id and the format
// when the command declared them, and the database, opened on first use of store() and only then,
// so that a handler checks the rest of its line before anything is opened, let alone upgraded.
class CommandCall final
{
    Q_DISABLE_COPY_MOVE(CommandCall)

public:
    CommandCall(const Command &command, CliContext &context, CommandLine &line);
    ~CommandCall();

    CliContext &context() { return m_context; }
    const CommandLine &line() const { return m_line; }
    QTextStream &out() { return m_context.out(); }

    qint64 incidentId() const { return m_incidentId; } // 0 without one
    const QString &format() const { return m_format; }
    bool json() const { return m_format == QLatin1String("json"); }
    const QStringList &values() const { return m_values; } // of Command::required()
    QString value(const QString &option) const { return m_line.value(option); }
    bool isSet(const QString &option) const { return m_line.isSet(option); }
    QString author() const { return m_line.author(); }

    // The database, opened once with the command's access, the incident checked when the command
    // declared Incident::Existing; nullptr once that failed and was reported: return exitCode().
    IncidentStore *store() { return store(m_command.m_access.value_or(CliContext::Access::Read)); }
    // The same, opened with another access than the command's (a command that only reads in one
    // of its forms: 'business brief' without --answer).
    IncidentStore *store(CliContext::Access access);
    // The incident of --incident (opening the database if needed); nullptr as for store().
    const cp::Incident *incident();
    int exitCode() const { return m_exitCode; }

    int fail(const StoreError &error) { return m_context.fail(error); }
    int usageError(const QString &message) const { return m_line.usageError(message); }
    int finish() { return m_context.finish(); }
    // The end of a command that saved something: the failure reported, else the output flushed.
    int finish(const StoreError &error);
    // The end of a command that created something: its id on a line of its own once saved.
    int printId(const Result<qint64> &id);
    // The end of a list: one JSON array with --format json, else one line a row.
    template <typename Row, typename ToJson, typename ToText>
    int printRows(const QList<Row> &rows, ToJson toJson, ToText toText)
    {
        if (json()) {
            QJsonArray array;
            for (const Row &row : rows)
                array.append(toJson(row));
            out() << CliFormat::compactJson(array);
        } else {
            for (const Row &row : rows)
                out() << toText(row) << QLatin1Char('\n');
        }
        return finish();
    }
    // The same, or the failure to read the rows.
    template <typename Row, typename ToJson, typename ToText>
    int printRows(const Result<QList<Row>> &rows, ToJson toJson, ToText toText)
    {
        if (!rows)
            return fail(rows.error());
        return printRows(*rows, toJson, toText);
    }

private:
    friend class Command;

    const Command &m_command;
    CliContext &m_context;
    CommandLine &m_line;
    qint64 m_incidentId = 0;
    QString m_format;
    QStringList m_values;
    std::unique_ptr<IncidentStore> m_store;
    std::optional<cp::Incident> m_incident;
    int m_exitCode = 0;
};

} // namespace cp::cli
