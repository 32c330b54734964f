#include "roletreemodel.h"

#include "db/incidentstore.h"
#include "domain/rolesummary.h"
#include "peoplemodel.h"

#include <QMimeData>

#include <functional>

namespace cp {

struct RoleTreeModel::Node
{
    IncidentRole role;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
};

RoleTreeModel::RoleTreeModel(IncidentStore &store, QObject *parent)
    : QAbstractItemModel(parent), m_store(store), m_root(std::make_unique<Node>())
{
    connect(&m_store.roles(), &RoleRepository::roleChanged, this, &RoleTreeModel::onRoleChanged);
    // A renamed person changes the names shown on their roles.
    const auto namesChanged = [this] {
        if (m_incidentId > 0)
            reload();
    };
    connect(&m_store.roster(), &RosterRepository::personChanged, this, namesChanged);
    connect(&m_store.roster(), &RosterRepository::peopleReloaded, this, namesChanged);
}

RoleTreeModel::~RoleTreeModel() = default;

void RoleTreeModel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    reload();
}

void RoleTreeModel::reload()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    if (m_incidentId > 0 && m_store.session().isOpen()) {
        if (auto roles = m_store.roles().list(m_incidentId)) {
            // Hierarchy order: a parent always comes before its children.
            for (const IncidentRole &role : *roles) {
                Node *parent = findNodeByKey(role.definition.parentKey);
                if (!parent)
                    parent = m_root.get();
                auto node = std::make_unique<Node>();
                node->role = role;
                node->parent = parent;
                parent->children.push_back(std::move(node));
            }
        }
    }
    endResetModel();
}

QList<IncidentRole> RoleTreeModel::roles() const
{
    QList<IncidentRole> list;
    std::function<void(const Node *)> walk = [&](const Node *n) {
        for (const auto &child : n->children) {
            list << child->role;
            walk(child.get());
        }
    };
    walk(m_root.get());
    return list;
}

RoleTreeModel::Node *RoleTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

RoleTreeModel::Node *RoleTreeModel::findNode(qint64 roleId) const
{
    std::function<Node *(Node *)> walk = [&](Node *n) -> Node * {
        for (const auto &child : n->children) {
            if (child->role.id == roleId)
                return child.get();
            if (Node *found = walk(child.get()))
                return found;
        }
        return nullptr;
    };
    return walk(m_root.get());
}

RoleTreeModel::Node *RoleTreeModel::findNodeByKey(const QString &key) const
{
    if (key.isEmpty())
        return nullptr;
    std::function<Node *(Node *)> walk = [&](Node *n) -> Node * {
        for (const auto &child : n->children) {
            if (child->role.definition.key == key)
                return child.get();
            if (Node *found = walk(child.get()))
                return found;
        }
        return nullptr;
    };
    return walk(m_root.get());
}

QModelIndex RoleTreeModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

QModelIndex RoleTreeModel::indexOfRole(const QString &roleKey, int column) const
{
    return indexFor(findNodeByKey(roleKey), column);
}

void RoleTreeModel::announce(Node *node)
{
    emit dataChanged(indexFor(node, 0), indexFor(node, ColumnCount - 1));
    // The parent's span of control counts this role's holders.
    if (node->parent && node->parent != m_root.get())
        emit dataChanged(indexFor(node->parent, 0), indexFor(node->parent, ColumnCount - 1));
}

void RoleTreeModel::onRoleChanged(qint64 incidentId, qint64 roleId)
{
    if (incidentId != m_incidentId)
        return;
    auto role = m_store.roles().role(roleId);
    if (!role)
        return;
    if (Node *node = findNode(roleId)) {
        node->role = *role;
        announce(node);
        return;
    }
    Node *parent = findNodeByKey(role->definition.parentKey);
    if (!parent)
        parent = m_root.get();
    const int row = int(parent->children.size());
    beginInsertRows(indexFor(parent), row, row);
    auto node = std::make_unique<Node>();
    node->role = *role;
    node->parent = parent;
    parent->children.push_back(std::move(node));
    endInsertRows();
}

int RoleTreeModel::directReports(const Node *node) const
{
    int count = 0;
    for (const auto &child : node->children)
        count += int(child->role.holders.size());
    return count;
}

QModelIndex RoleTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeFor(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex RoleTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *n = nodeFor(child);
    return indexFor(n->parent);
}

int RoleTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int RoleTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RoleTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeFor(index);
    const IncidentRole &r = n->role;
    QStringList names;
    QVariantList ids;
    for (const RoleHolder &h : r.holders) {
        names << h.name;
        ids << h.personId;
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RoleColumn:
            return r.definition.title;
        case HoldersColumn:
            if (!names.isEmpty())
                return names.join(QStringLiteral(", "));
            return r.definition.required ? tr("vacant — required") : tr("vacant");
        case GroupColumn:
            return r.subTeam.isEmpty() ? r.definition.group : r.subTeam;
        }
        return {};
    case Qt::ToolTipRole:
        return r.definition.description;
    case RoleIdRole:
        return r.id;
    case RoleKeyRole:
        return r.definition.key;
    case ShortNameRole:
        return r.definition.shortName;
    case RequiredRole:
        return r.definition.required;
    case VacantRequiredRole:
        return r.isVacantRequired();
    case MultipleHoldersRole:
        return r.definition.multipleHolders;
    case StaffRole:
        return r.definition.staff;
    case HolderNamesRole:
        return names;
    case HolderIdsRole:
        return ids;
    case SubTeamRole:
        return r.subTeam;
    case DirectReportsRole:
        return directReports(n);
    case OverSpanRole:
        return directReports(n) > RoleSummary::SpanOfControlLimit;
    case DescriptionRole:
        return r.definition.description;
    case ResponsibilitiesRole:
        return r.definition.responsibilities;
    }
    return {};
}

QVariant RoleTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleColumn:
        return tr("Role");
    case HoldersColumn:
        return tr("Held by");
    case GroupColumn:
        return tr("Group");
    }
    return {};
}

Qt::ItemFlags RoleTreeModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractItemModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDropEnabled : base;
}

QStringList RoleTreeModel::mimeTypes() const
{
    return {PeopleModel::PersonMimeType};
}

bool RoleTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    return parent.isValid() && data && data->hasFormat(PeopleModel::PersonMimeType);
}

bool RoleTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QList<qint64> people = PeopleModel::personIdsFromMime(data);
    const IncidentRole &target = nodeFor(parent)->role;
    bool any = false;
    for (qint64 personId : people) {
        // A single-holder role that is held is handed over; otherwise the person joins it.
        const bool handOver = !target.definition.multipleHolders && !target.holders.isEmpty();
        const StoreError error =
            handOver ? m_store.roles().handOver(m_incidentId, target.definition.key, 0, personId, m_author)
                     : m_store.roles().assign(m_incidentId, target.definition.key, personId, m_author).error();
        if (!error.ok())
            emit assignmentFailed(error.message());
        else
            any = true;
    }
    return any;
}

} // namespace cp
