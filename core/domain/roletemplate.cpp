#include "roletemplate.h"

#include "db/privatefile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

namespace cp {

namespace {

const QString TemplateFormatName = QStringLiteral("commandpost-role-template");

bool validKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,47}$"));
    return pattern.match(key).hasMatch();
}

// Reads a string member; records an error naming the place when it has the wrong type.
QString stringAt(const QJsonObject &o, const QString &name, const QString &where, bool required, QString *error)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required && error->isEmpty())
            *error = RoleTemplateFormat::tr("%1.%2: missing").arg(where, name);
        return {};
    }
    if (!v.isString()) {
        if (error->isEmpty())
            *error = RoleTemplateFormat::tr("%1.%2: must be text").arg(where, name);
        return {};
    }
    return v.toString().trimmed();
}

} // namespace

const RoleDefinition *RoleTemplate::role(const QString &roleKey) const
{
    for (const RoleDefinition &r : roles) {
        if (r.key == roleKey)
            return &r;
    }
    return nullptr;
}

QStringList RoleTemplate::rootKeys() const
{
    QStringList keys;
    for (const RoleDefinition &r : roles) {
        if (r.parentKey.isEmpty())
            keys << r.key;
    }
    return keys;
}

QString RoleTemplateFormat::validate(const RoleTemplate &t)
{
    if (!validKey(t.key))
        return tr("key: “%1” must be 1–48 lower-case letters, digits or dashes").arg(t.key);
    if (t.name.trimmed().isEmpty())
        return tr("name: missing");
    if (t.roles.isEmpty())
        return tr("roles: a template needs at least one role");
    QSet<QString> seen;
    for (int i = 0; i < t.roles.size(); ++i) {
        const RoleDefinition &r = t.roles.at(i);
        const QString where = QStringLiteral("roles[%1]").arg(i);
        if (!validKey(r.key))
            return tr("%1.key: “%2” must be 1–48 lower-case letters, digits or dashes").arg(where, r.key);
        if (seen.contains(r.key))
            return tr("%1.key: “%2” is used twice").arg(where, r.key);
        seen.insert(r.key);
        if (r.title.trimmed().isEmpty())
            return tr("%1.title: missing").arg(where);
    }
    for (int i = 0; i < t.roles.size(); ++i) {
        const RoleDefinition &r = t.roles.at(i);
        if (r.parentKey.isEmpty())
            continue;
        if (!seen.contains(r.parentKey))
            return tr("roles[%1].parent: no role has the key “%2”").arg(i).arg(r.parentKey);
        // Walk up; more steps than roles means a cycle.
        QString up = r.parentKey;
        for (int steps = 0; !up.isEmpty(); ++steps) {
            if (steps > t.roles.size() || up == r.key)
                return tr("roles[%1].parent: “%2” is its own ancestor").arg(i).arg(r.key);
            const RoleDefinition *parent = t.role(up);
            if (!parent)
                break; // an unknown parent further up is reported for the role that names it
            up = parent->parentKey;
        }
    }
    if (t.rootKeys().isEmpty())
        return tr("roles: no role is at the top (every role has a parent)");
    return {};
}

std::optional<RoleTemplate> RoleTemplateFormat::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = tr("the document must be a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != TemplateFormatName) {
        *error = tr("format: expected “%1”").arg(TemplateFormatName);
        return std::nullopt;
    }
    const int version = root.value(QStringLiteral("version")).toInt(-1);
    if (version < 1 || version > Version) {
        *error = tr("version: %1 is not supported (this CommandPost reads version %2)")
                     .arg(root.value(QStringLiteral("version")).toVariant().toString())
                     .arg(Version);
        return std::nullopt;
    }

    QString problem;
    const QString here = QStringLiteral("template");
    RoleTemplate t;
    t.key = stringAt(root, QStringLiteral("key"), here, true, &problem);
    t.name = stringAt(root, QStringLiteral("name"), here, true, &problem);
    t.description = stringAt(root, QStringLiteral("description"), here, false, &problem);
    t.source = stringAt(root, QStringLiteral("source"), here, false, &problem);
    const QJsonValue roles = root.value(QStringLiteral("roles"));
    if (problem.isEmpty() && !roles.isArray())
        problem = tr("roles: must be a list");
    const QJsonArray list = roles.toArray();
    for (int i = 0; problem.isEmpty() && i < list.size(); ++i) {
        const QString where = QStringLiteral("roles[%1]").arg(i);
        if (!list.at(i).isObject()) {
            problem = tr("%1: must be an object").arg(where);
            break;
        }
        const QJsonObject o = list.at(i).toObject();
        RoleDefinition r;
        r.key = stringAt(o, QStringLiteral("key"), where, true, &problem);
        r.title = stringAt(o, QStringLiteral("title"), where, true, &problem);
        r.shortName = stringAt(o, QStringLiteral("short"), where, false, &problem);
        r.group = stringAt(o, QStringLiteral("group"), where, false, &problem);
        r.parentKey = stringAt(o, QStringLiteral("parent"), where, false, &problem);
        r.description = stringAt(o, QStringLiteral("description"), where, false, &problem);
        const QString holders = o.value(QStringLiteral("holders")).toString(QStringLiteral("one"));
        if (holders != QLatin1String("one") && holders != QLatin1String("many") && problem.isEmpty())
            problem = tr("%1.holders: must be “one” or “many”").arg(where);
        r.multipleHolders = holders == QLatin1String("many");
        r.required = o.value(QStringLiteral("required")).toBool(false);
        r.staff = o.value(QStringLiteral("staff")).toBool(false);
        const QJsonValue duties = o.value(QStringLiteral("responsibilities"));
        if (!duties.isUndefined() && !duties.isArray() && problem.isEmpty())
            problem = tr("%1.responsibilities: must be a list of text").arg(where);
        const QJsonArray dutyList = duties.toArray();
        for (int d = 0; d < dutyList.size(); ++d) {
            if (!dutyList.at(d).isString()) {
                if (problem.isEmpty())
                    problem = tr("%1.responsibilities[%2]: must be text").arg(where).arg(d);
                break;
            }
            r.responsibilities << dutyList.at(d).toString().trimmed();
        }
        if (r.shortName.isEmpty())
            r.shortName = r.title;
        t.roles << r;
    }
    if (problem.isEmpty())
        problem = validate(t);
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return t;
}

QByteArray RoleTemplateFormat::toJson(const RoleTemplate &t)
{
    QJsonArray roles;
    for (const RoleDefinition &r : t.roles) {
        QJsonObject o{
            {QStringLiteral("key"), r.key},
            {QStringLiteral("title"), r.title},
            {QStringLiteral("short"), r.shortName},
            {QStringLiteral("group"), r.group},
            {QStringLiteral("parent"), r.parentKey.isEmpty() ? QJsonValue() : QJsonValue(r.parentKey)},
            {QStringLiteral("holders"), r.multipleHolders ? QStringLiteral("many") : QStringLiteral("one")},
            {QStringLiteral("required"), r.required},
            {QStringLiteral("description"), r.description},
            {QStringLiteral("responsibilities"), QJsonArray::fromStringList(r.responsibilities)},
        };
        if (r.staff)
            o.insert(QStringLiteral("staff"), true);
        roles.append(o);
    }
    const QJsonObject root{
        {QStringLiteral("format"), TemplateFormatName},
        {QStringLiteral("version"), Version},
        {QStringLiteral("key"), t.key},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("description"), t.description},
        {QStringLiteral("source"), t.source},
        {QStringLiteral("roles"), roles},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

RoleTemplateLibrary::RoleTemplateLibrary(QString userFolder) : m_userFolder(std::move(userFolder)) {}

QString RoleTemplateLibrary::defaultUserFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("templates"));
}

void RoleTemplateLibrary::ensureLoaded() const
{
    // The files read once, like a cache: const callers may ask.
    if (!m_loaded)
        const_cast<RoleTemplateLibrary *>(this)->reload();
}

void RoleTemplateLibrary::reload()
{
    m_loaded = true;
    m_templates.clear();
    m_problems.clear();
    auto load = [this](const QString &file, bool builtIn) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            m_problems << tr("%1: cannot be read (%2)").arg(file, f.errorString());
            return;
        }
        QString error;
        auto t = RoleTemplateFormat::fromJson(f.readAll(), &error);
        if (!t) {
            m_problems << tr("%1: %2").arg(QFileInfo(file).fileName(), error);
            return;
        }
        if (find(t->key)) {
            m_problems
                << tr("%1: the key “%2” is already taken by another template").arg(QFileInfo(file).fileName(), t->key);
            return;
        }
        t->builtIn = builtIn;
        m_templates << *t;
    };
    // Fixed order for the built-ins: the default (technical) first.
    for (const QString &name : {QStringLiteral("technical-response"), QStringLiteral("business-response"),
                                QStringLiteral("incident-manager"), QStringLiteral("lightweight")})
        load(QStringLiteral(":/roles/%1.json").arg(name), true);
    if (!m_userFolder.isEmpty()) {
        const QDir dir(m_userFolder);
        for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            load(dir.filePath(file), false);
    }
}

std::optional<RoleTemplate> RoleTemplateLibrary::find(const QString &key) const
{
    ensureLoaded();
    for (const RoleTemplate &t : m_templates) {
        if (t.key == key)
            return t;
    }
    return std::nullopt;
}

QString RoleTemplateLibrary::save(const RoleTemplate &roleTemplate)
{
    if (const QString problem = RoleTemplateFormat::validate(roleTemplate); !problem.isEmpty())
        return problem;
    if (auto existing = find(roleTemplate.key); existing && existing->builtIn)
        return tr("“%1” is a built-in template; save your version under a new key.").arg(roleTemplate.key);
    if (!QDir().mkpath(m_userFolder))
        return tr("Cannot create the folder %1.").arg(m_userFolder);
    if (const StoreError error =
            PrivateFile::writeAtomically(QDir(m_userFolder).filePath(roleTemplate.key + QStringLiteral(".json")),
                                         RoleTemplateFormat::toJson(roleTemplate));
        !error.ok())
        return tr("Saving the template failed: %1").arg(error.message());
    reload();
    return {};
}

QString RoleTemplateLibrary::remove(const QString &key)
{
    auto existing = find(key);
    if (!existing)
        return tr("There is no template “%1”.").arg(key);
    if (existing->builtIn)
        return tr("Built-in templates cannot be removed.");
    if (!QFile::remove(QDir(m_userFolder).filePath(key + QStringLiteral(".json"))))
        return tr("The template file could not be removed.");
    reload();
    return {};
}

} // namespace cp
