#pragma once

#include "command.h"

namespace cp::cli {

// people list | add | import, departments list: the roster of people who can hold roles and the
// directory of departments.
class PeopleCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::PeopleCommands)
public:
    static QList<Command> commands();

private:
    static int list(CommandCall &call);
    static int add(CommandCall &call);
    static int import(CommandCall &call);
    static int listDepartments(CommandCall &call);
};

} // namespace cp::cli
