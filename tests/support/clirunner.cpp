#include "clirunner.h"

#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QProcess>

namespace cp::test {

QStringList CliRun::outLines() const
{
    return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList CliRun::errLines() const
{
    return QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString CliRun::describe() const
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(600)), QString::fromUtf8(err.left(400)));
}

CliRunner::CliRunner() : m_cli(TempDatabase::executable(QStringLiteral("commandpost-cli"))) {}

QProcessEnvironment cliEnvironment(const QTemporaryDir &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("COMMANDPOST_AUTHOR"));
    env.remove(QStringLiteral("COMMANDPOST_SERVER")); // a team server only where a test names one
    env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"),
               home.filePath(QStringLiteral("config"))); // the user's settings neither
    return env;
}

QProcessEnvironment CliRunner::environment() const
{
    return cliEnvironment(m_home);
}

CliRun CliRunner::run(const QStringList &arguments, const QByteArray &input,
                      const QProcessEnvironment &environment) const
{
    CliRun result;
    QProcess process;
    process.setProcessEnvironment(environment.isEmpty() ? this->environment() : environment);
    QElapsedTimer timer;
    timer.start();
    process.start(m_cli, arguments);
    if (!process.waitForStarted(CliTimeoutMs))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(CliTimeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished)
        process.kill();
    result.elapsedMs = timer.elapsed();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

qint64 CliRunner::databaseWithIncident(const QString &path, const QString &title) const
{
    const CliRun init = run({QStringLiteral("--db"), path, QStringLiteral("init")});
    if (!init.finished || init.exitCode != 0) {
        qWarning("init failed: %s", qPrintable(init.describe()));
        return 0;
    }
    const CliRun created =
        run({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
             title, QStringLiteral("--severity"), QStringLiteral("SEV-2"), QStringLiteral("--template"),
             QStringLiteral("none")}); // a bare timeline: only the declaration
    if (!created.finished || created.exitCode != 0) {
        qWarning("incident new failed: %s", qPrintable(created.describe()));
        return 0;
    }
    return created.outLines().value(0).toLongLong();
}

QJsonObject CliRunner::timelineJson(const QString &path, qint64 incidentId) const
{
    const CliRun ran = run({QStringLiteral("--db"), path, QStringLiteral("timeline"), QStringLiteral("--incident"),
                            QString::number(incidentId), QStringLiteral("--format"), QStringLiteral("json")});
    if (!ran.finished || ran.exitCode != 0) {
        qWarning("timeline failed: %s", qPrintable(ran.describe()));
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(ran.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("timeline JSON does not parse: %s", qPrintable(error.errorString()));
    return doc.object();
}

} // namespace cp::test
