#include "cliapp.h"
#include "clicontext.h"
#include "domain/appidentity.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    cp::applyAppIdentity(); // first: the default database path must match the GUI's
    cp::cli::CliContext context;
    cp::cli::CliApp cli(context);
    return cli.run(QCoreApplication::arguments());
}
