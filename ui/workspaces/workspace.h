#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cp {

// A workspace is a named dock layout for one job on the call. Each has a stable key (for
// settings), a one-chord shortcut and a default arrangement (WorkspaceLayout).
enum class Workspace
{
    Scribe,
    Deputy,
    Commander,
    Liaison
};

namespace WorkspaceVocabulary {

const QList<Workspace> &all();
QString key(Workspace workspace); // "scribe", "deputy", "ic", "liaison"
std::optional<Workspace> fromKey(const QString &key);
QString label(Workspace workspace); // translated, with a menu mnemonic
QKeySequence shortcut(Workspace workspace);
// The workspace for the roles a person holds, most commanding first (IC before Deputy before
// liaison before Scribe); none when no role says which.
std::optional<Workspace> forRoles(const QStringList &roleKeys);

} // namespace WorkspaceVocabulary

} // namespace cp
