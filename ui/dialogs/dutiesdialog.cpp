#include "dutiesdialog.h"

#include "db/incidentstore.h"
#include "session/incidentsession.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace cp {

DutiesDialog::DutiesDialog(IncidentSession &session, qint64 roleId, QWidget *parent)
    : QDialog(parent), m_session(session), m_roleId(roleId), m_description(new QLabel(this)),
      m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("dutiesDialog"));
    m_description->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("dutiesList"));
    m_list->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_description);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 420);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &DutiesDialog::onItemChanged);
    connect(&m_session.store().roles(), &RoleRepository::roleChanged, this,
            [this](qint64 changedIncident, qint64 changedRole) {
                if (changedIncident == m_session.incidentId() && changedRole == m_roleId) // not while the list emits
                    QMetaObject::invokeMethod(this, &DutiesDialog::reload, Qt::QueuedConnection);
            });
    reload();
}

void DutiesDialog::reload()
{
    m_loading = true;
    if (auto role = m_session.store().roles().role(m_roleId)) {
        setWindowTitle(tr("Responsibilities — %1").arg(role->definition.title));
        m_description->setText(role->definition.description);
    }
    const int current = m_list->currentRow();
    m_list->clear();
    if (auto duties = m_session.store().roles().duties(m_roleId)) {
        for (const RoleDuty &duty : *duties) {
            auto *item = new QListWidgetItem(duty.text, m_list);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(duty.doneAt.isValid() ? Qt::Checked : Qt::Unchecked);
            item->setData(Qt::UserRole, duty.id);
            if (duty.doneAt.isValid())
                item->setToolTip(tr("Done by %1 at %2")
                                     .arg(duty.doneBy, duty.doneAt.toLocalTime().toString(QStringLiteral("HH:mm"))));
        }
        if (duties->isEmpty())
            new QListWidgetItem(tr("This role has no checklist."), m_list);
    }
    m_list->setCurrentRow(std::max(0, current));
    m_loading = false;
}

void DutiesDialog::onItemChanged(QListWidgetItem *item)
{
    if (m_loading || !item->data(Qt::UserRole).isValid())
        return;
    const qint64 dutyId = item->data(Qt::UserRole).toLongLong();
    const bool done = item->checkState() == Qt::Checked;
    const QString author = m_session.author();
    const StoreError error =
        m_session.write([&] { return m_session.store().roles().setDutyDone(dutyId, done, author); });
    if (!error.ok())
        QMetaObject::invokeMethod(this, &DutiesDialog::reload, Qt::QueuedConnection);
}

} // namespace cp
