#pragma once

#include "command.h"
#include "db/storeerror.h"
#include "domain/roletemplate.h"

namespace cp::cli {

// templates list | show: the role templates (the built-ins compiled in, then the user's own
// folder). They live outside the database, so these commands never open it.
class TemplateCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::TemplateCommands)
public:
    static QList<Command> commands();

    // The template with this key from the library; not-found names the keys there are.
    static Result<RoleTemplate> find(const QString &key);

private:
    static int list(CommandCall &call);
    static int show(CommandCall &call);
};

} // namespace cp::cli
