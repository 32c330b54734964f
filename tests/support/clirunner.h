#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace cp::test {

// How long any one run of the CLI may take before the test gives up on it.
constexpr int CliTimeoutMs = 30000;

// Exit codes documented in docs/cli.md.
constexpr int ExitUsage = 64;
constexpr int ExitDataError = 65;
constexpr int ExitNotFound = 66;
constexpr int ExitBusy = 69;
constexpr int ExitCannotWrite = 73;
constexpr int ExitIo = 74;
constexpr int ExitBadDatabase = 76;

// What one run of commandpost-cli left behind.
struct CliRun
{
    bool finished = false; // exited normally within CliTimeoutMs
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    QStringList outLines() const;
    QStringList errLines() const;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    // For failure messages: the exit code and the start of both streams.
    QString describe() const;
};

// The environment every run of the CLI gets: the system's, without $COMMANDPOST_AUTHOR, with
// USER=tester, TZ=UTC, and XDG_DATA_HOME/XDG_CONFIG_HOME inside 'home' ("data", "config").
QProcessEnvironment cliEnvironment(const QTemporaryDir &home);

// Runs commandpost-cli as a process in a known environment: no $COMMANDPOST_AUTHOR, USER=tester,
// TZ=UTC, and a private XDG_DATA_HOME so that the user's real database and templates are never
// touched. Construct it once QCoreApplication exists (a member of the test object is fine).
class CliRunner
{
public:
    CliRunner();

    // The executable; empty when commandpost-cli was not built next to the tests.
    QString executable() const { return m_cli; }
    bool isValid() const { return m_home.isValid(); }
    // A path inside the private home (XDG_DATA_HOME is "data" there).
    QString homePath(const QString &relative) const { return m_home.filePath(relative); }

    QProcessEnvironment environment() const;
    // Runs with 'input' on stdin (then closed); an empty 'environment' means environment().
    CliRun run(const QStringList &arguments, const QByteArray &input = QByteArray(),
               const QProcessEnvironment &environment = QProcessEnvironment()) const;

    // A new database at 'path' with one incident and a bare timeline (only its declaration);
    // its id, or 0 after a warning.
    qint64 databaseWithIncident(const QString &path, const QString &title = QStringLiteral("Checkout down")) const;
    // `timeline --format json` of the incident; empty after a warning.
    QJsonObject timelineJson(const QString &path, qint64 incidentId) const;

private:
    QString m_cli;
    QTemporaryDir m_home;
};

} // namespace cp::test

// The checks on one finished run, shared by the macros below; 'run' is a CliRun variable.
#define CP_CLI_VERIFY_FAILED(run, code, reason)                                                                        \
    QVERIFY2((run).finished, qPrintable((run).describe()));                                                            \
    QVERIFY2((run).exitCode == (code), qPrintable((run).describe()));                                                  \
    QVERIFY2((run).err.endsWith('\n') && (run).err.count('\n') == 1, qPrintable((run).describe()));                    \
    QVERIFY2((run).err.startsWith(QByteArray("commandpost-cli: ") + QByteArray(reason) + ": "),                        \
             qPrintable((run).describe()))

// A successful run: exit 0 and nothing on stderr. The argument is evaluated once.
#define CLI_OK(expression)                                                                                             \
    do {                                                                                                               \
        const cp::test::CliRun &ran_ = (expression);                                                                   \
        QVERIFY2(ran_.finished, qPrintable(ran_.describe()));                                                          \
        QVERIFY2(ran_.exitCode == 0, qPrintable(ran_.describe()));                                                     \
        QVERIFY2(ran_.err.isEmpty(), qPrintable(ran_.describe()));                                                     \
    } while (false)

// A failed run: the expected code, exactly one line on stderr, naming the reason.
#define CLI_FAILS(expression, code, reason)                                                                            \
    do {                                                                                                               \
        const cp::test::CliRun &ran_ = (expression);                                                                   \
        CP_CLI_VERIFY_FAILED(ran_, code, reason);                                                                      \
    } while (false)

// CLI_FAILS, and nothing at all on stdout.
#define CLI_FAILS_SILENTLY(expression, code, reason)                                                                   \
    do {                                                                                                               \
        const cp::test::CliRun &ran_ = (expression);                                                                   \
        CP_CLI_VERIFY_FAILED(ran_, code, reason);                                                                      \
        QVERIFY2(ran_.out.isEmpty(), qPrintable(ran_.describe()));                                                     \
    } while (false)
