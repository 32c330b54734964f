#include "accessiblename.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QComboBox>
#include <QLineEdit>

namespace cp {

namespace {

// A drop-down as a screen reader should meet it: its name is its label, its value the choice,
// its one child the popup list, and "press" opens it.
class NamedComboBoxAccessible final : public QAccessibleWidget
{
public:
    explicit NamedComboBoxAccessible(QComboBox *combo) : QAccessibleWidget(combo, QAccessible::ComboBox) {}

    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name && !combo()->accessibleName().isEmpty())
            return combo()->accessibleName();
        if (t == QAccessible::Name || t == QAccessible::Value)
            return combo()->isEditable() && combo()->lineEdit() ? combo()->lineEdit()->text() : combo()->currentText();
        return QAccessibleWidget::text(t);
    }

    int childCount() const override { return combo()->isEditable() ? 2 : 1; }

    QAccessibleInterface *child(int index) const override
    {
        if (index == 0)
            return QAccessible::queryAccessibleInterface(combo()->view());
        if (index == 1 && combo()->isEditable())
            return QAccessible::queryAccessibleInterface(combo()->lineEdit());
        return nullptr;
    }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (!child)
            return -1;
        if (child->object() == combo()->view())
            return 0;
        if (combo()->isEditable() && child->object() == combo()->lineEdit())
            return 1;
        return -1;
    }

    QStringList actionNames() const override
    {
        return QStringList{showMenuAction(), pressAction()} + QAccessibleWidget::actionNames();
    }

    void doAction(const QString &name) override
    {
        if (name == showMenuAction() || name == pressAction())
            combo()->showPopup();
        else
            QAccessibleWidget::doAction(name);
    }

private:
    QComboBox *combo() const { return static_cast<QComboBox *>(widget()); }
};

QAccessibleInterface *comboBoxAccessible(const QString &className, QObject *object)
{
    // Asked once per class up the hierarchy: QComboBox and its subclasses.
    auto *combo = qobject_cast<QComboBox *>(object);
    if (!combo || className != QLatin1String("QComboBox"))
        return nullptr;
    return new NamedComboBoxAccessible(combo);
}

} // namespace

void installComboBoxAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(comboBoxAccessible);
        return true;
    }();
    Q_UNUSED(installed)
}

void setAccessibleLabel(QWidget *control, const QString &name)
{
    if (!control)
        return;
    control->setAccessibleName(name);
    if (auto *combo = qobject_cast<QComboBox *>(control)) {
        installComboBoxAccessibility();
        combo->view()->setAccessibleName(name);
        if (QLineEdit *line = combo->lineEdit())
            line->setAccessibleName(name);
    }
    if (auto *area = qobject_cast<QAbstractScrollArea *>(control))
        area->viewport()->setAccessibleName(name);
}

} // namespace cp
