#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>

#include <optional>

namespace cp::cli {

class CliContext;

// The parser of one (sub)command: its own options plus the global ones (--db, --busy-timeout,
// --help), so that "commandpost-cli log --db F …" works as well as "commandpost-cli --db F log …".
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::CommandLine)
    Q_DISABLE_COPY_MOVE(CommandLine)

public:
    // command: the words that name it ("incident new"); synopsis: what follows them in the usage line.
    CommandLine(CliContext &context, QString command, QString synopsis, const QString &description);

    void addOption(const QCommandLineOption &option);
    void addPositionalArgument(const QString &name, const QString &description, const QString &syntax = QString());

    // Parses the arguments that follow the command words. Returns an exit code when the command
    // must not run (its --help was printed: 0; the line is wrong: 64), nothing when it may.
    std::optional<int> parse(const QStringList &arguments);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    QStringList positionalArguments() const { return m_parser.positionalArguments(); }

    // Reports a wrong command line, pointing to this command's --help.
    int usageError(const QString &message) const;

    // Helpers for the options many commands share. Each returns the value, or nothing after
    // reporting the problem; *exitCode is then the code to return.
    // A required option holding an id (--incident ID).
    std::optional<qint64> requiredId(const QString &option, int *exitCode) const;
    // A required option with a non-empty value (--role KEY).
    std::optional<QString> requiredValue(const QString &option, int *exitCode) const;
    // --format: one of the allowed formats (the first is the default).
    std::optional<QString> format(const QStringList &allowed, int *exitCode) const;
    // No positional arguments beyond the first 'allowed' ones.
    bool noExtraArguments(int allowed, int *exitCode) const;
    // Several required options with a non-empty value, checked in the order given; their values
    // in that order.
    std::optional<QStringList> requiredValues(const QStringList &options, int *exitCode) const;
    // The start the commands on one incident share, checked in this order so that the first
    // problem on the line is the one reported: no positional arguments, the id option
    // (--incident ID), then each of valueOptions (see requiredValues()).
    struct Required
    {
        qint64 id = 0;
        QStringList values; // in the order of valueOptions
    };
    std::optional<Required> required(const QString &idOption, const QStringList &valueOptions, int *exitCode) const;
    // --author, else the default author (see CliContext::defaultAuthor()).
    QString author() const;

    static QCommandLineOption authorOption();
    static QCommandLineOption formatOption(const QStringList &allowed);
    QString helpText() const;

    // The options every command accepts; shared with the top-level parser.
    static QCommandLineOption databaseOption();
    static QCommandLineOption serverOption();
    static QCommandLineOption busyTimeoutOption();
    static QCommandLineOption helpOption();
    // Applies --db/--busy-timeout from a parser to the context; an error message when malformed.
    static std::optional<QString> applyGlobalOptions(const QCommandLineParser &parser, CliContext &context);

private:
    CliContext &m_context;
    QString m_command;
    QString m_synopsis;
    QCommandLineParser m_parser;
};

// Small value parsers shared by the commands.
std::optional<qint64> parseId(const QString &text);
QString parserError(const QCommandLineParser &parser); // its error text, without the final full stop

} // namespace cp::cli
