#include "clicontext.h"

#include "domain/clock.h"
#include "server/serveraddress.h"
#include "server/serverclock.h"

#include <QFileInfo>

#include <iostream>

#include <unistd.h>

namespace cp::cli {

CliContext::CliContext() : m_in(std::cin)
{
    // On the file descriptors, unbuffered: QTextStream buffers, and its flush() is a write(2), so an
    // id printed and flushed has left the process (the crash test relies on it).
    m_stdout.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
    m_stderr.open(STDERR_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
    m_out.setDevice(&m_stdout);
    m_err.setDevice(&m_stderr);
}

CliContext::CliContext(QIODevice &out, QIODevice &err, std::istream &in) : m_in(in)
{
    m_out.setDevice(&out);
    m_err.setDevice(&err);
}

CliContext::~CliContext()
{
    m_out.flush();
    m_err.flush();
}

QString CliContext::databasePath() const
{
    if (m_databasePath.isEmpty())
        return StoreSession::defaultPath();
    return QFileInfo(m_databasePath).absoluteFilePath();
}

QString CliContext::server() const
{
    if (!m_server.isEmpty() || !m_databasePath.isEmpty())
        return m_server;
    return ServerAddress::fromEnvironment();
}

Result<std::unique_ptr<IncidentStore>> CliContext::openStore(Access access) const
{
    StoreSession::Options options;
    options.busyTimeoutMs = m_busyTimeoutMs;
    switch (access) {
    case Access::Create:
        options.mode = StoreSession::OpenMode::ReadWrite;
        options.create = true;
        break;
    case Access::Write:
        options.mode = StoreSession::OpenMode::ReadWrite;
        options.create = false;
        break;
    case Access::WriteOrKeep:
        options.mode = StoreSession::OpenMode::ReadWrite;
        options.create = false;
        options.startUnreachable = true;
        break;
    case Access::Read:
        options.mode = StoreSession::OpenMode::ReadOnly;
        options.create = false;
        break;
    case Access::Check:
        options.mode = StoreSession::OpenMode::ReadOnly;
        options.create = false;
        options.quickCheck = false;
        break;
    }
    auto store = std::make_unique<IncidentStore>(SystemClock::instance());
    if (const QString server = this->server(); !server.isEmpty()) {
        auto address = ServerAddress::parse(server);
        if (!address)
            return address.error();
        if (StoreError error = store->session().openServer(*address, options); !error.ok())
            return error;
        return store;
    }
    if (StoreError error = store->session().open(databasePath(), options); !error.ok()) {
        if (error.code() == StoreError::Code::FileMissing)
            return StoreError(error.code(), tr("%1 Run 'commandpost-cli init' to create it.").arg(error.message()));
        return error;
    }
    return store;
}

void CliContext::noteServerClock(const StoreSession &session)
{
    // Said on stderr, as the window's status bar says it; the command goes on, on the server's time.
    if (const QString offset = ServerClock::offsetText(session.serverClockOffsetMs()); !offset.isEmpty())
        printError(QStringLiteral("note"), tr("%1; times are stamped on the server's clock.").arg(offset));
}

void CliContext::printError(const QString &reason, const QString &message)
{
    m_out.flush();
    QString line = message.simplified(); // one line, whatever the driver said
    m_err << QStringLiteral("commandpost-cli: ") << reason << QStringLiteral(": ") << line << Qt::endl;
}

int CliContext::fail(const StoreError &error)
{
    printError(StoreError::codeName(error.code()), error.message());
    return ExitCodes::value(ExitCodes::forError(error.code()));
}

int CliContext::usageError(const QString &message, const QString &command)
{
    const QString help = command.isEmpty() ? QStringLiteral("commandpost-cli --help")
                                           : QStringLiteral("commandpost-cli %1 --help").arg(command);
    printError(QStringLiteral("usage"), tr("%1 (see %2)").arg(message, help));
    return ExitCodes::value(ExitCode::Usage);
}

int CliContext::finish()
{
    m_out.flush();
    if (m_out.status() != QTextStream::Ok) {
        m_out.resetStatus();
        printError(StoreError::codeName(StoreError::Code::Io), tr("Writing the output failed."));
        return ExitCodes::value(ExitCode::IoError);
    }
    return ExitCodes::value(ExitCode::Ok);
}

QString CliContext::defaultAuthor()
{
    for (const char *variable : {"COMMANDPOST_AUTHOR", "USER"}) {
        const QString value = qEnvironmentVariable(variable).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("cli");
}

} // namespace cp::cli
