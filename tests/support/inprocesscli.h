#pragma once

#include "clirunner.h"

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

namespace cp::test {

// Runs commandpost-cli's commands inside the test process, through the same CliApp as the
// executable: no process start per command, and a debugger or a sanitizer sees the command's code.
// The constructor gives the whole test process CliRunner's environment (cliEnvironment()) and the
// application identity, so build it before anything reads settings or paths (a member of the test
// object is fine). Where the process itself is under test (exit codes of a crash, signals, a pipe
// on stdin, the offscreen platform a PDF export needs), use CliRunner.
class InProcessCli
{
public:
    InProcessCli();

    bool isValid() const { return m_home.isValid(); }
    QString homePath(const QString &relative) const { return m_home.filePath(relative); }

    // Runs one command line (without the program name), 'input' as its standard input.
    CliRun run(const QStringList &arguments, const QByteArray &input = QByteArray()) const;

private:
    QTemporaryDir m_home;
};

} // namespace cp::test
