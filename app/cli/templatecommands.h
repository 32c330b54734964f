#pragma once

#include "db/storeerror.h"
#include "domain/roletemplate.h"

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// templates list | show: the role templates (the built-ins compiled in, then the user's own
// folder). They live outside the database, so these commands never open it.
class TemplateCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::TemplateCommands)
public:
    static int run(CliContext &context, const QStringList &arguments);
    static QString helpText();

    // The template with this key from the library; not-found names the keys there are.
    static Result<RoleTemplate> find(const QString &key);

private:
    static int list(CliContext &context, const QStringList &arguments);
    static int show(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
