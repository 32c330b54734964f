#include "peoplemodel.h"

#include "db/incidentstore.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace cp {

namespace {

bool byName(const Person &a, const Person &b)
{
    const int c = QString::localeAwareCompare(a.name, b.name);
    return c != 0 ? c < 0 : a.id < b.id;
}

} // namespace

PeopleModel::PeopleModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.roster(), &RosterRepository::personChanged, this, &PeopleModel::onPersonChanged);
    connect(&m_store.roster(), &RosterRepository::peopleReloaded, this, &PeopleModel::reload);
    reload();
}

void PeopleModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_store.session().isOpen()) {
        if (auto all = m_store.roster().people()) {
            m_rows = *all;
            std::sort(m_rows.begin(), m_rows.end(), byName);
        }
    }
    endResetModel();
}

int PeopleModel::rowOfPerson(qint64 personId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == personId)
            return row;
    }
    return -1;
}

void PeopleModel::onPersonChanged(qint64 personId)
{
    auto person = m_store.roster().person(personId);
    if (!person)
        return;
    const int row = rowOfPerson(personId);
    if (row >= 0) {
        const bool inPlace = (row == 0 || byName(m_rows.at(row - 1), *person)) &&
                             (row + 1 == m_rows.size() || byName(*person, m_rows.at(row + 1)));
        if (inPlace) {
            m_rows[row] = *person;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
        beginRemoveRows({}, row, row); // renamed: it moves to its new place by name
        m_rows.removeAt(row);
        endRemoveRows();
    }
    const int at = int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), *person, byName) - m_rows.cbegin());
    beginInsertRows({}, at, at);
    m_rows.insert(at, *person);
    endInsertRows();
}

QList<qint64> PeopleModel::personIdsFromMime(const QMimeData *data)
{
    QList<qint64> ids;
    if (!data || !data->hasFormat(PersonMimeType))
        return ids;
    QByteArray bytes = data->data(PersonMimeType);
    QDataStream stream(&bytes, QIODevice::ReadOnly);
    stream >> ids;
    return stream.status() == QDataStream::Ok ? ids : QList<qint64>();
}

int PeopleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PeopleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeopleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Person &p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return p.trainee ? tr("%1 (trainee)").arg(p.name) : p.name;
        case HandleColumn:
            return p.handle;
        case TeamColumn:
            return p.team.isEmpty() ? p.departmentKey : p.team;
        case TrainedColumn:
            return p.trainedRoles.join(QStringLiteral(", "));
        }
        return {};
    case Qt::ToolTipRole:
        return p.contact.isEmpty() ? p.name : tr("%1 — %2").arg(p.name, p.contact);
    case PersonIdRole:
        return p.id;
    case HandleRole:
        return p.handle;
    case DepartmentRole:
        return p.departmentKey;
    case TrainedRolesRole:
        return p.trainedRoles;
    case TraineeRole:
        return p.trainee;
    case ContactRole:
        return p.contact;
    case SearchTextRole:
        return QStringList{p.name, p.handle, p.team, p.departmentKey, p.trainedRoles.join(QLatin1Char(' '))}.join(
            QLatin1Char(' '));
    }
    return {};
}

QVariant PeopleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case HandleColumn:
        return tr("Handle");
    case TeamColumn:
        return tr("Team");
    case TrainedColumn:
        return tr("Trained for");
    }
    return {};
}

Qt::ItemFlags PeopleModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList PeopleModel::mimeTypes() const
{
    return {PersonMimeType};
}

QMimeData *PeopleModel::mimeData(const QModelIndexList &indexes) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : indexes) {
        const qint64 id = index.data(PersonIdRole).toLongLong();
        if (id > 0 && !ids.contains(id))
            ids << id;
    }
    if (ids.isEmpty())
        return nullptr;
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << ids;
    auto *data = new QMimeData;
    data->setData(PersonMimeType, bytes);
    QStringList names;
    for (qint64 id : std::as_const(ids))
        names << m_rows.at(rowOfPerson(id)).name;
    data->setText(names.join(QStringLiteral(", ")));
    return data;
}

} // namespace cp
