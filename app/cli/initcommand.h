#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// init: creates the database (or upgrades an older one) and prints its absolute path.
class InitCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::InitCommand)
public:
    static int run(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
