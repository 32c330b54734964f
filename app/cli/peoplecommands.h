#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// people list | add | import, departments list: the roster of people who can hold roles and the
// directory of departments.
class PeopleCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::PeopleCommands)
public:
    static int run(CliContext &context, const QStringList &arguments);            // people …
    static int runDepartments(CliContext &context, const QStringList &arguments); // departments …
    static QString helpText();
    static QString departmentsHelpText();

private:
    static int list(CliContext &context, const QStringList &arguments);
    static int add(CliContext &context, const QStringList &arguments);
    static int import(CliContext &context, const QStringList &arguments);
    static int listDepartments(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
