#include "inprocesscli.h"

#include "cliapp.h"
#include "clicontext.h"
#include "domain/appidentity.h"

#include <QBuffer>
#include <QElapsedTimer>

#include <sstream>

#include <time.h>

namespace cp::test {

InProcessCli::InProcessCli()
{
    const QProcessEnvironment environment = cliEnvironment(m_home);
    qunsetenv("COMMANDPOST_AUTHOR");
    const QStringList keys = environment.keys();
    for (const QString &key : keys)
        qputenv(key.toLocal8Bit().constData(), environment.value(key).toLocal8Bit());
    tzset();            // TZ changed
    applyAppIdentity(); // the default database path and the settings are the executable's
}

CliRun InProcessCli::run(const QStringList &arguments, const QByteArray &input) const
{
    CliRun result;
    QBuffer out(&result.out);
    QBuffer err(&result.err);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    std::istringstream in(input.toStdString());
    QElapsedTimer timer;
    timer.start();
    {
        cli::CliContext context(out, err, in); // flushes both streams when it goes
        cli::CliApp app(context);
        result.exitCode = app.run(QStringList{QStringLiteral("commandpost-cli")} + arguments);
    }
    result.finished = true;
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace cp::test
