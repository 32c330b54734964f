#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cp {

// One role of a response structure: who reports to whom, whether one person or several may
// hold it, whether the incident is short-handed while it is vacant, and what it is for.
struct RoleDefinition
{
    QString key;        // stable id within the template: "ic", "sme"
    QString title;      // "Incident Commander"
    QString shortName;  // "IC": for the chat topic and tight spaces
    QString group;      // "Command", "Liaisons" …
    QString parentKey;  // empty: a root of the hierarchy
    bool staff = false; // drawn beside its parent (Deputy, Scribe) rather than below
    bool multipleHolders = false;
    bool required = false;
    QString description;
    QStringList responsibilities;

    bool operator==(const RoleDefinition &) const = default;
};

struct RoleTemplate
{
    QString key;
    QString name;
    QString description;
    QString source;
    QList<RoleDefinition> roles; // parents before children
    bool builtIn = false;

    const RoleDefinition *role(const QString &roleKey) const;
    QStringList rootKeys() const;
};

// Reads and writes templates in the documented JSON format (docs/formats.md) and checks them:
// unique keys, known parents, no cycles, titles present. Errors name the place.
class RoleTemplateFormat
{
    Q_DECLARE_TR_FUNCTIONS(cp::RoleTemplateFormat)
public:
    static constexpr int Version = 1;

    // On failure returns nullopt and sets *error to a one-line message such as
    // "roles[3].parent: no role has the key “icc”".
    static std::optional<RoleTemplate> fromJson(const QByteArray &json, QString *error);
    static QByteArray toJson(const RoleTemplate &roleTemplate);
    // The same checks fromJson makes, for a template edited in memory.
    static QString validate(const RoleTemplate &roleTemplate);
};

// The built-in templates (compiled in from resources/roles) and the user's own, kept as JSON
// files in a folder. Built-ins cannot be overwritten; a user template needs a key of its own.
class RoleTemplateLibrary
{
    Q_DECLARE_TR_FUNCTIONS(cp::RoleTemplateLibrary)
public:
    explicit RoleTemplateLibrary(QString userFolder = defaultUserFolder());

    static QString defaultUserFolder();

    // Loads everything; a broken user file is skipped and reported in problems(). A library made
    // reads its files when first asked (a window starts without them).
    void reload();
    QList<RoleTemplate> templates() const
    {
        ensureLoaded();
        return m_templates;
    }
    std::optional<RoleTemplate> find(const QString &key) const;
    QStringList problems() const
    {
        ensureLoaded();
        return m_problems;
    }

    // Saves (creates or replaces) a user template; returns an error message or empty.
    QString save(const RoleTemplate &roleTemplate);
    QString remove(const QString &key);

private:
    void ensureLoaded() const;

    QString m_userFolder;
    bool m_loaded = false;
    QList<RoleTemplate> m_templates;
    QStringList m_problems;
};

} // namespace cp
