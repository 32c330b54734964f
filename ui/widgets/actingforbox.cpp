#include "actingforbox.h"

#include "accessiblename.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace cp {

namespace {
constexpr int OverrideRole = Qt::UserRole + 1; // true: the IC's override

QList<qint64> idsOf(const QList<RoleHolder> &holders)
{
    QList<qint64> ids;
    for (const RoleHolder &h : holders)
        ids << h.personId;
    return ids;
}

bool sameStaffing(const StepTakers::Staffing &a, const StepTakers::Staffing &b)
{
    return a.roleTitle == b.roleTitle && a.overridable == b.overridable && idsOf(a.holders) == idsOf(b.holders) &&
           idsOf(a.commanders) == idsOf(b.commanders);
}
} // namespace

ActingForBox::ActingForBox(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_combo(new QComboBox(this)), m_reason(new QLineEdit(this))
{
    m_combo->setObjectName(QStringLiteral("actingForCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_reason->setObjectName(QStringLiteral("overrideReasonEdit"));
    m_reason->hide();
    m_label->setBuddy(m_combo);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_combo);
    layout->addWidget(m_reason, 1);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &ActingForBox::showReason);
    retranslateUi();
}

void ActingForBox::setStaffing(const StepTakers::Staffing &staffing, const QString &author, bool drafting)
{
    if (m_filled && sameStaffing(staffing, m_staffing) && author == m_author && drafting == m_drafting)
        return; // the same step: keep what the user chose
    m_filled = true;
    m_drafting = drafting;
    m_staffing = staffing;
    m_author = author;
    retranslateUi();
}

StepSigner ActingForBox::signer() const
{
    StepSigner signer;
    signer.actingFor = m_combo->currentData().toString();
    if (m_combo->currentData(OverrideRole).toBool())
        signer.overrideReason = m_reason->text().trimmed();
    return signer;
}

bool ActingForBox::lacksReason() const
{
    return m_combo->currentData(OverrideRole).toBool() && m_reason->text().trimmed().isEmpty();
}

void ActingForBox::showReason()
{
    const bool overriding = m_combo->currentData(OverrideRole).toBool();
    m_reason->setVisible(overriding);
    if (!overriding)
        m_reason->clear();
}

void ActingForBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ActingForBox::retranslateUi()
{
    m_label->setText(tr("Acting &for:"));
    m_reason->setPlaceholderText(tr("Why the IC takes this step"));
    setAccessibleLabel(m_combo, tr("Acting for"));
    setAccessibleLabel(m_reason, tr("Reason for the IC's override"));
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    auto self = StepTakers::holderNamed(m_staffing.holders, m_author);
    const bool chosen = self || (m_drafting && m_staffing.holders.size() == 1);
    if (!chosen)
        m_combo->addItem(m_staffing.holders.isEmpty() ? tr("Nobody holds the %1 role").arg(m_staffing.roleTitle)
                         : m_staffing.loginIsProof ? tr("Only the %1, under their own login").arg(m_staffing.roleTitle)
                                                   : tr("Choose the %1…").arg(m_staffing.roleTitle),
                         QString());
    // On a team server the login is the proof: only the author themselves is offered.
    const auto offered = [&](const RoleHolder &h) {
        return !m_staffing.loginIsProof || StepTakers::holderNamed({h}, m_author).has_value();
    };
    for (const RoleHolder &holder : std::as_const(m_staffing.holders)) {
        if (!offered(holder))
            continue;
        const QString who = holder.handle.isEmpty() ? holder.name : holder.handle;
        m_combo->addItem(self && self->personId == holder.personId
                             ? tr("%1 (%2, you)").arg(holder.name, m_staffing.roleTitle)
                             : tr("%1 (%2)").arg(holder.name, m_staffing.roleTitle),
                         who);
    }
    if (m_staffing.overridable) {
        for (const RoleHolder &ic : std::as_const(m_staffing.commanders)) {
            if (!offered(ic))
                continue;
            m_combo->addItem(tr("IC override: %1").arg(ic.name), ic.handle.isEmpty() ? ic.name : ic.handle);
            m_combo->setItemData(m_combo->count() - 1, true, OverrideRole);
        }
    }
    if (!self && chosen)
        self = m_staffing.holders.constFirst();
    const int selfRow = self ? m_combo->findData(self->handle.isEmpty() ? self->name : self->handle) : 0;
    m_combo->setCurrentIndex(qMax(0, selfRow));
    showReason();
}

} // namespace cp
