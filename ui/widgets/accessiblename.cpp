#include "accessiblename.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QLineEdit>

namespace cp {

namespace {

// A drop-down's popup list is named with the drop-down. Asking a QComboBox for its view makes
// the popup (a frame, a list view, its scrollers: about 0.2M instructions each), which a window
// of a dozen drop-downs would otherwise do at every start for popups nobody opens: the list is
// named when it comes into being instead, before it is shown (the popup's frame is polished
// first) or when assistive technology reaches it through the drop-down.
void namePopupList(QComboBox *combo)
{
    // Asked again at every visit of assistive technology: a name set anew is announced anew.
    auto *list = combo->findChild<QAbstractItemView *>();
    if (list && list->accessibleName() != combo->accessibleName())
        list->setAccessibleName(combo->accessibleName());
}

class PopupListNamer final : public QObject
{
public:
    static PopupListNamer *instance()
    {
        static auto *namer = new PopupListNamer(QCoreApplication::instance());
        return namer;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ChildPolished)
            namePopupList(static_cast<QComboBox *>(watched));
        return QObject::eventFilter(watched, event);
    }

private:
    using QObject::QObject;
};

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
            return QAccessible::queryAccessibleInterface(namedView());
        if (index == 1 && combo()->isEditable())
            return QAccessible::queryAccessibleInterface(combo()->lineEdit());
        return nullptr;
    }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (!child)
            return -1;
        if (child->object() == namedView())
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
    QAbstractItemView *namedView() const
    {
        QAbstractItemView *view = combo()->view(); // makes the popup if it was not made yet
        namePopupList(combo());
        return view;
    }
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
        namePopupList(combo); // when its popup is made already; else when it is
        combo->installEventFilter(PopupListNamer::instance());
        if (QLineEdit *line = combo->lineEdit())
            line->setAccessibleName(name);
    }
    if (auto *area = qobject_cast<QAbstractScrollArea *>(control))
        area->viewport()->setAccessibleName(name);
}

} // namespace cp
