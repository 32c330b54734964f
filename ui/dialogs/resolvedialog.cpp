#include "resolvedialog.h"

#include "db/incidentstore.h"
#include "session/incidentsession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cp {

ResolveDialog::ResolveDialog(IncidentSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_store(session.store()), m_incidentId(session.incidentId()),
      m_summary(new QLabel(this)), m_rows(new QWidget), m_grid(new QGridLayout(m_rows)),
      m_allReason(new QLineEdit(this)), m_status(new QLabel(this)), m_resolve(new QPushButton(tr("&Resolve"), this))
{
    setObjectName(QStringLiteral("resolveDialog"));
    setWindowTitle(tr("Resolve the incident"));
    resize(760, 460);
    m_summary->setObjectName(QStringLiteral("resolveSummary"));
    m_summary->setWordWrap(true);
    m_grid->setColumnStretch(0, 3);
    m_grid->setColumnStretch(2, 2);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_rows);
    m_allReason->setObjectName(QStringLiteral("resolveAllReason"));
    m_allReason->setPlaceholderText(tr("One reason for everything not acknowledged on its own"));
    m_status->setObjectName(QStringLiteral("resolveStatus"));
    m_status->setWordWrap(true);
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    m_resolve->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Acknowledge &all:"), m_allReason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_resolve, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(scroll, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_allReason, &QLineEdit::textChanged, this, &ResolveDialog::updateResolveButton);
    connect(m_resolve, &QPushButton::clicked, this, &ResolveDialog::resolve);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Whatever is settled, here or elsewhere in the window, leaves the list at once.
    const auto mine = [this](qint64 changed) {
        if (changed == m_incidentId)
            refresh();
    };
    connect(&m_store.rollCalls(), &RollCallRepository::actionChanged, this, mine);
    connect(&m_store.business(), &BusinessRepository::activityChanged, this, mine);
    connect(&m_store.rollCalls(), &RollCallRepository::rollCallItemChanged, this, mine);
    connect(&m_store.business(), &BusinessRepository::messageChanged, this, mine);
    connect(&m_store.business(), &BusinessRepository::businessChanged, this, mine);
    connect(&m_store.incidents(), &IncidentRepository::postmortemChanged, this, mine);
    refresh();
}

QString ResolveDialog::settleLabel(ResolveBlockerKind kind)
{
    switch (kind) {
    case ResolveBlockerKind::OpenAction:
        return tr("Mark done");
    case ResolveBlockerKind::HaltedActivity:
        return tr("Restarted");
    case ResolveBlockerKind::MissedRollCall:
        return tr("Dismiss");
    case ResolveBlockerKind::PostmortemOwner:
        return tr("Name the owner…");
    case ResolveBlockerKind::MessageInReview:
    case ResolveBlockerKind::MessageDue:
        return {};
    }
    return {};
}

void ResolveDialog::refresh()
{
    for (QLineEdit *edit : m_rows->findChildren<QLineEdit *>()) {
        if (edit->property("blockerKey").isValid())
            m_typed.insert(edit->property("blockerKey").toString(), edit->text());
    }
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        // Later: a settle button may be the one whose click led here.
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->setProperty("blockerKey", QVariant());
            widget->setObjectName(QString());
            widget->deleteLater();
        }
        delete item;
    }
    auto blockers = m_store.resolution().blockers(m_incidentId);
    m_blockers = blockers ? *blockers : QList<ResolveBlocker>();
    if (!blockers)
        m_status->setText(blockers.error().message());
    m_summary->setText(m_blockers.isEmpty()
                           ? tr("Nothing is left open. Resolving stops the running timers and closes an open roll "
                                "call.")
                           : tr("%n item(s) still open. Settle each one, or say why it may stay as it is: the "
                                "reason goes on the timeline.",
                                nullptr, int(m_blockers.size())));
    int row = 0;
    for (const ResolveBlocker &blocker : std::as_const(m_blockers)) {
        auto *text = new QLabel(
            QStringLiteral("<b>%1</b><br>%2")
                .arg(ResolveChecklist::kindLabel(blocker.kind).toHtmlEscaped(), blocker.text.toHtmlEscaped()),
            m_rows);
        text->setWordWrap(true);
        m_grid->addWidget(text, row, 0);
        const QString label = settleLabel(blocker.kind);
        if (!label.isEmpty()) {
            auto *button = new QPushButton(label, m_rows);
            button->setObjectName(QStringLiteral("resolveSettle_%1").arg(blocker.key));
            connect(button, &QPushButton::clicked, this, [this, blocker] { settle(blocker); });
            m_grid->addWidget(button, row, 1);
        }
        auto *reason = new QLineEdit(m_typed.value(blocker.key), m_rows);
        reason->setObjectName(QStringLiteral("resolveReason_%1").arg(blocker.key));
        reason->setProperty("blockerKey", blocker.key);
        reason->setPlaceholderText(tr("Why it may stay as it is"));
        connect(reason, &QLineEdit::textChanged, this, &ResolveDialog::updateResolveButton);
        m_grid->addWidget(reason, row, 2);
        ++row;
    }
    m_grid->setRowStretch(row, 1);
    updateResolveButton();
}

QString ResolveDialog::reasonFor(const QString &key) const
{
    for (const QLineEdit *edit : m_rows->findChildren<QLineEdit *>()) {
        if (edit->property("blockerKey").toString() == key && !edit->text().trimmed().isEmpty())
            return edit->text().trimmed();
    }
    return m_allReason->text().trimmed();
}

void ResolveDialog::updateResolveButton()
{
    bool ready = true;
    for (const ResolveBlocker &blocker : std::as_const(m_blockers))
        ready = ready && !reasonFor(blocker.key).isEmpty();
    m_resolve->setEnabled(ready);
}

void ResolveDialog::settle(const ResolveBlocker &blocker)
{
    const QString author = m_session.author();
    std::function<StoreError()> body;
    switch (blocker.kind) {
    case ResolveBlockerKind::OpenAction:
        body = [&] {
            ActionChange change;
            change.status = ActionStatus::Done;
            return m_store.rollCalls().updateAction(blocker.id, change, author);
        };
        break;
    case ResolveBlockerKind::HaltedActivity:
        body = [&] { return m_store.business().restartActivity(blocker.id, author); };
        break;
    case ResolveBlockerKind::MissedRollCall:
        body = [&] {
            auto items = m_store.rollCalls().items(m_incidentId);
            if (!items)
                return items.error();
            for (const RollCallItem &item : *items) {
                if (item.isMissed() &&
                    QStringLiteral("missed:%1:%2").arg(item.roleKey).arg(item.personId) == blocker.key) {
                    if (StoreError error = m_store.rollCalls().dismissMissed(item.id, author); !error.ok())
                        return error;
                }
            }
            return StoreError();
        };
        break;
    case ResolveBlockerKind::PostmortemOwner:
        emit postmortemRequested();
        return;
    case ResolveBlockerKind::MessageInReview:
    case ResolveBlockerKind::MessageDue:
        return;
    }
    const StoreError error = m_session.write(body);
    m_status->setText(!error.ok() ? error.message() : QString());
}

bool ResolveDialog::resolve()
{
    QList<ResolveAcknowledgement> acknowledgements;
    for (const ResolveBlocker &blocker : std::as_const(m_blockers))
        acknowledgements << ResolveAcknowledgement{blocker.key, reasonFor(blocker.key)};
    const QString author = m_session.author();
    if (StoreError error =
            m_session.write([&] { return m_store.resolution().resolve(m_incidentId, acknowledgements, author); });
        !error.ok()) {
        m_status->setText(error.message());
        refresh(); // something may have opened meanwhile
        return false;
    }
    emit resolved();
    accept();
    return true;
}

} // namespace cp
