package org.tacecrf.interfaces.web.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.inject.Named;

import org.primefaces.component.columngroup.ColumnGroup;
import org.primefaces.component.columns.Columns;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.component.row.Row;

/**
 * Lets one data table with dynamic columns ({@code p:columns}) render several study tables in turn
 * inside {@code ui:repeat}: PrimeFaces keeps the columns it expanded for the first table, so before each
 * table is rendered its columns are dropped and expanded again from the current table.
 */
@Named
@ApplicationScoped
public class DynamicColumnsRefresh {

    /** Listener for {@code preRenderComponent} on the data table. */
    public void refresh(ComponentSystemEvent event) {
        UIComponent component = event.getComponent();
        if (component instanceof DataTable table) {
            table.setColumns(null);
        }
        refreshBelow(component);
    }

    private static void refreshBelow(UIComponent parent) {
        for (UIComponent child : parent.getChildren()) {
            if (child instanceof Columns columns) {
                // setting the value expression again drops the data model cached from the previous table
                columns.setValueExpression("value", columns.getValueExpression("value"));
                columns.setDynamicColumns(null);
            } else if (child instanceof ColumnGroup || child instanceof Row) {
                refreshBelow(child);
            }
        }
    }
}
