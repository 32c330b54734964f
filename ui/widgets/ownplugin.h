#pragma once

#include <QLoggingCategory>
#include <QObject>
#include <QString>

namespace cp {

// Loads one of CommandPost's own plugins (what the window needs only later, with the libraries
// behind it) by its base name: beside the installed program first, then in the build tree. The
// instance stays loaded until the program ends; nullptr when no folder has it (each attempt's
// error in 'problems').
QObject *loadOwnPlugin(const QString &name, QStringList *problems);

// The plugin's instance as its interface; nullptr when it cannot be loaded, said on 'log' with
// 'missing' and why.
template <typename Interface>
Interface *ownPlugin(const QString &name, const char *missing, const QLoggingCategory &log)
{
    QStringList problems;
    if (auto *found = qobject_cast<Interface *>(loadOwnPlugin(name, &problems)))
        return found;
    qCWarning(log) << missing << problems;
    return nullptr;
}

} // namespace cp
