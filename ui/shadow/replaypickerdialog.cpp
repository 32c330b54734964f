#include "replaypickerdialog.h"

#include "db/incidentstore.h"
#include "widgets/incidentclocklabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

ReplayPickerDialog::ReplayPickerDialog(const IncidentStore &store, QWidget *parent)
    : QDialog(parent), m_intro(new QLabel(this)), m_list(new QListWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("replayPickerDialog"));
    setWindowTitle(tr("Replay an incident"));
    m_list->setObjectName(QStringLiteral("replayPickerList"));
    m_intro->setWordWrap(true);
    if (auto incidents = store.incidents().list()) {
        for (const Incident &incident : std::as_const(*incidents)) {
            if (!incident.isResolved())
                continue;
            auto *item = new QListWidgetItem(
                tr("#%1 %2 %3 — declared %4, lasted %5")
                    .arg(incident.id)
                    .arg(IncidentVocabulary::severityKey(incident.severity), incident.title,
                         incident.declaredAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         IncidentClockLabel::format(incident.declaredAt.msecsTo(incident.resolvedAt)).mid(2)),
                m_list);
            item->setData(Qt::UserRole, incident.id);
        }
    }
    m_intro->setText(m_list->count() > 0
                         ? tr("Choose a resolved incident. Its story plays again in a shadow view at 1×, 10× or 60×; "
                              "the record itself is never changed.")
                         : tr("There is no resolved incident to replay yet."));
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Replay"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_list->count() > 0);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    resize(640, 400);
}

qint64 ReplayPickerDialog::incidentId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

int ReplayPickerDialog::count() const
{
    return m_list->count();
}

} // namespace cp
