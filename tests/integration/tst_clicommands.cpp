// commandpost-cli's command table, run in-process: every declared command answers --help (and
// 'help WORDS' alike), 'commandpost-cli --help' lists exactly the declared commands in their order,
// each group's help exactly its subcommands, and a group without a known subcommand says which
// there are. What the help says is generated from the same rows that dispatch runs.

#include "commandtable.h"
#include "inprocesscli.h"

#include <QRegularExpression>
#include <QTest>

using namespace cp::cli;
using namespace cp::test;

namespace {

// The command words at the start of a help list line: "  timer start --incident ID …" gives
// "timer start"; "" for a line that is not an entry (the summary on its own line, a note).
QString wordsOf(const QString &line)
{
    static const QRegularExpression entry(QStringLiteral("^  ([a-z][a-z-]*(?: [a-z][a-z-]*)*)(?: |$)"));
    const QRegularExpressionMatch match = entry.match(line);
    return match.hasMatch() ? match.captured(1) : QString();
}

// The entries of a help list: from the line after 'from' up to the line starting with 'to'.
QStringList listedWords(const QString &help, const QString &from, const QString &to)
{
    QStringList words;
    bool inside = false;
    const QStringList lines = help.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (inside && !to.isEmpty() && line.startsWith(to))
            break;
        if (inside) {
            const QString found = wordsOf(line);
            if (!found.isEmpty())
                words << found;
        }
        if (line.startsWith(from))
            inside = true;
    }
    return words;
}

} // namespace

class TstCliCommands : public QObject
{
    Q_OBJECT

private slots:
    void everyCommandAnswersHelp();
    void helpListsExactlyTheDeclaredCommands();
    void groupHelpListsExactlyItsSubcommands();
    void groupWithoutSubcommandNamesThem();
    void onlyExportNeedsGui();

private:
    InProcessCli m_cli;
    const CommandTable m_table;
};

void TstCliCommands::everyCommandAnswersHelp()
{
    const QList<const Command *> commands = m_table.commands();
    QVERIFY(commands.size() > 60);
    for (const Command *command : commands) {
        const QStringList words = command->name().split(QLatin1Char(' '));
        const CliRun run = m_cli.run(words + QStringList{QStringLiteral("--help")});
        CLI_OK(run);
        const QByteArray usage = "Usage: commandpost-cli " + command->name().toUtf8() + ' ';
        QVERIFY2(run.out.startsWith(usage), run.out.left(200).constData());
        QVERIFY2(run.out.contains("--db"), qPrintable(command->name()));
        const CliRun viaHelp = m_cli.run(QStringList{QStringLiteral("help")} + words);
        CLI_OK(viaHelp);
        QCOMPARE(viaHelp.out, run.out);
    }
}

void TstCliCommands::helpListsExactlyTheDeclaredCommands()
{
    const CliRun run = m_cli.run({QStringLiteral("--help")});
    CLI_OK(run);
    QStringList declared;
    for (const Command *command : m_table.commands())
        declared << command->name();
    QCOMPARE(listedWords(QString::fromUtf8(run.out), QStringLiteral("Commands:"), QStringLiteral("Global options")),
             declared);
}

void TstCliCommands::groupHelpListsExactlyItsSubcommands()
{
    QStringList groups;
    for (const Command *command : m_table.commands()) {
        if (!command->subcommand().isEmpty() && !groups.contains(command->group()))
            groups << command->group();
    }
    QVERIFY(groups.contains(QStringLiteral("timer")));
    QVERIFY(groups.contains(QStringLiteral("message")));
    for (const QString &group : std::as_const(groups)) {
        QStringList declared;
        for (const Command *command : m_table.group(group))
            declared << command->subcommand();
        const CliRun run = m_cli.run({group, QStringLiteral("--help")});
        CLI_OK(run);
        const QString help = QString::fromUtf8(run.out);
        if (m_table.find(group, QString())) {
            // 'roles' is a command of its own too: its --help is the command's.
            QVERIFY2(help.startsWith(QStringLiteral("Usage: commandpost-cli %1 ").arg(group)), qPrintable(help));
            continue;
        }
        const QString usage =
            QStringLiteral("Usage: commandpost-cli %1 %2 [options]\n").arg(group, declared.join(QLatin1Char('|')));
        QVERIFY2(help.startsWith(usage), qPrintable(help));
        QCOMPARE(listedWords(help, QStringLiteral("Usage:"), QStringLiteral("Run ")), declared);
        const CliRun viaHelp = m_cli.run({QStringLiteral("help"), group});
        CLI_OK(viaHelp);
        QCOMPARE(viaHelp.out, run.out);
    }
}

void TstCliCommands::groupWithoutSubcommandNamesThem()
{
    const CliRun none = m_cli.run({QStringLiteral("timer")});
    CLI_FAILS_SILENTLY(none, ExitUsage, "usage");
    QCOMPARE(none.err, QByteArray("commandpost-cli: usage: 'timer' needs a subcommand: start, every, stopwatch, list, "
                                  "ack, snooze, pause, resume, restart, cancel or defaults (see commandpost-cli timer "
                                  "--help)\n"));
    const CliRun unknown = m_cli.run({QStringLiteral("message"), QStringLiteral("shout")});
    CLI_FAILS_SILENTLY(unknown, ExitUsage, "usage");
    QVERIFY2(unknown.err.contains("unknown subcommand 'message shout'; use draft, revise, review, approve, authorise, "
                                  "send, list or show"),
             unknown.err.constData());
    // An alias runs its command without being listed.
    const CliRun alias = m_cli.run({QStringLiteral("message"), QStringLiteral("authorize"), QStringLiteral("--help")});
    CLI_OK(alias);
    QVERIFY(alias.out.startsWith("Usage: commandpost-cli message authorise "));
}

void TstCliCommands::onlyExportNeedsGui()
{
    QByteArray program("commandpost-cli"), db("--db"), file("x.sqlite"), exportWord("export"), logWord("log");
    char *exporting[] = {program.data(), db.data(), file.data(), exportWord.data()};
    char *logging[] = {program.data(), db.data(), file.data(), logWord.data()};
    QVERIFY(m_table.needsGui(4, exporting));
    QVERIFY(!m_table.needsGui(4, logging));
    int painting = 0;
    for (const Command *command : m_table.commands())
        painting += command->isGuiNeeded() ? 1 : 0;
    QCOMPARE(painting, 1);
}

QTEST_GUILESS_MAIN(TstCliCommands)
#include "tst_clicommands.moc"
